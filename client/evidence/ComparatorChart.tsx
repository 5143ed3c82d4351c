import { AxisBottom } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import type { MetricComparators } from '../../shared/schemas/comparatorAreas.ts';

interface ComparatorChartProps {
  comparators: MetricComparators;
  unit: string;
  /** What the chart shows, read out by screen readers; the table beside it carries the numbers. */
  title: string;
  width?: number;
  compact?: boolean;
}

interface Dot {
  code: string;
  name: string;
  value: number;
  lowerCi: number | null;
  upperCi: number | null;
  isPlace: boolean;
}

const margin = { top: 8, right: 24, bottom: 36, left: 180 };

/**
 * A dot chart of the place against its comparator areas in one period: one row per area, highest first, each value
 * with its 95% confidence interval as a whisker. The place is a larger filled square with a bold label, so it differs
 * by shape and weight as well as colour. Suppressed or missing values have no dot (the table says why).
 */
export function ComparatorChart({ comparators, unit, title, width = 720, compact = false }: ComparatorChartProps) {
  const dots: Dot[] = [];
  const { place } = comparators;
  if (place?.value !== null && place?.value !== undefined) {
    dots.push({
      code: place.areaCode,
      name: place.areaName,
      value: place.value,
      lowerCi: place.lowerCi,
      upperCi: place.upperCi,
      isPlace: true,
    });
  }
  for (const area of comparators.areas) {
    if (area.value === null) continue;
    dots.push({
      code: area.areaCode,
      name: area.areaName,
      value: area.value,
      lowerCi: area.lowerCi,
      upperCi: area.upperCi,
      isPlace: false,
    });
  }
  dots.sort((a, b) => b.value - a.value);
  const left = compact ? 120 : margin.left;
  const rowHeight = compact ? 16 : 24;
  const height = margin.top + margin.bottom + rowHeight * Math.max(dots.length, 1);
  const innerWidth = width - left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const numbers = dots.flatMap((dot) => [dot.value, dot.lowerCi ?? dot.value, dot.upperCi ?? dot.value]);
  const x = scaleLinear<number>({
    domain: numbers.length > 0 ? [Math.min(...numbers), Math.max(...numbers)] : [0, 1],
    range: [0, innerWidth],
    nice: true,
  });
  const y = scaleBand<string>({ domain: dots.map((dot) => dot.code), range: [0, innerHeight], padding: 0.3 });
  const fontSize = compact ? 12 : 13;

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      className="comparator-chart"
      preserveAspectRatio="xMidYMid meet"
    >
      <Group left={left} top={margin.top}>
        {x.ticks(compact ? 3 : 5).map((tick) => (
          <line key={tick} x1={x(tick)} x2={x(tick)} y1={0} y2={innerHeight} stroke="#dedede" />
        ))}
        {dots.map((dot) => {
          const cy = (y(dot.code) ?? 0) + y.bandwidth() / 2;
          const colour = dot.isPlace ? '#1d70b8' : '#505a5f';
          const size = dot.isPlace ? 6 : 4;
          return (
            <g key={dot.code} data-area={dot.code} data-place={dot.isPlace || undefined}>
              <text
                x={-8}
                y={cy}
                dy="0.32em"
                textAnchor="end"
                fontSize={fontSize}
                fontWeight={dot.isPlace ? 700 : 400}
                fill="#0b0c0c"
              >
                {dot.name}
              </text>
              {dot.lowerCi !== null && dot.upperCi !== null ? (
                <g stroke={colour} strokeWidth={1.5}>
                  <line x1={x(dot.lowerCi)} x2={x(dot.upperCi)} y1={cy} y2={cy} />
                  <line x1={x(dot.lowerCi)} x2={x(dot.lowerCi)} y1={cy - 4} y2={cy + 4} />
                  <line x1={x(dot.upperCi)} x2={x(dot.upperCi)} y1={cy - 4} y2={cy + 4} />
                </g>
              ) : null}
              {dot.isPlace ? (
                <rect x={x(dot.value) - size} y={cy - size} width={size * 2} height={size * 2} fill={colour} />
              ) : (
                <circle cx={x(dot.value)} cy={cy} r={size} fill="#ffffff" stroke={colour} strokeWidth={2} />
              )}
            </g>
          );
        })}
        <AxisBottom
          top={innerHeight}
          scale={x}
          numTicks={compact ? 3 : 5}
          label={compact ? undefined : unit}
          labelProps={{ fontSize: 13, fill: '#0b0c0c', textAnchor: 'middle' }}
          tickLabelProps={{ fontSize, fill: '#0b0c0c', textAnchor: 'middle' }}
          stroke="#0b0c0c"
          tickStroke="#0b0c0c"
        />
      </Group>
    </svg>
  );
}
