import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import type { SeriesRow } from '../../shared/model/evidence/index.ts';
import { ChartMarker } from './ChartMarker.tsx';
import { linePoints, seriesStyles, valueExtent, type ChartPoint, type SeriesRole } from './chartSeries.ts';

interface TrendChartProps {
  rows: readonly SeriesRow[];
  /** Which lines to draw, with their names for the legend (a role with no area is left out). */
  lines: readonly { role: SeriesRole; name: string }[];
  unit: string;
  /** What the chart shows, read out by screen readers; the table beside it carries the numbers. */
  title: string;
  width?: number;
  height?: number;
  compact?: boolean;
}

const margin = { top: 16, right: 20, bottom: 44, left: 56 };

/**
 * The metric over time: the area against its region and England, each value with its 95% confidence interval as a
 * whisker. Lines differ by colour, dash and marker shape; suppressed or missing values leave gaps. Drawn as an SVG
 * that scales to its container; the data table beside it is the accessible alternative.
 */
export function TrendChart({ rows, lines, unit, title, width = 720, height = 320, compact = false }: TrendChartProps) {
  const plotted = lines.map((line) => ({ ...line, points: linePoints(rows, line.role) }));
  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scalePoint<number>({ domain: rows.map((_, index) => index), range: [0, innerWidth], padding: 0.5 });
  const y = scaleLinear<number>({
    domain: valueExtent(plotted.map((line) => line.points)),
    range: [innerHeight, 0],
    nice: true,
  });
  const xOf = (point: ChartPoint) => x(point.index) ?? 0;
  // Every label when they fit, otherwise every few, always the last.
  const step = Math.max(1, Math.ceil(rows.length / (compact ? 3 : 8)));
  const tickIndexes = rows.map((_, index) => index).filter((index) => index % step === 0 || index === rows.length - 1);

  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={title}
      className="trend-chart"
      preserveAspectRatio="xMidYMid meet"
    >
      <Group left={margin.left} top={margin.top}>
        {y.ticks(compact ? 3 : 5).map((tick) => (
          <line key={tick} x1={0} x2={innerWidth} y1={y(tick)} y2={y(tick)} stroke="#dedede" />
        ))}
        {plotted.map(({ role, points }) => {
          const { colour, dash } = seriesStyles[role];
          return (
            <g key={role} data-series={role}>
              <LinePath<ChartPoint | null>
                data={points}
                x={(point) => (point ? xOf(point) : 0)}
                y={(point) => (point ? y(point.value) : 0)}
                defined={(point) => point !== null}
                stroke={colour}
                strokeWidth={compact ? 2 : 2.5}
                strokeDasharray={dash || undefined}
              />
              {points.map((point) =>
                point ? (
                  <g key={point.index}>
                    {point.lowerCi !== null && point.upperCi !== null ? (
                      <g stroke={colour} strokeWidth={1.5}>
                        <line x1={xOf(point)} x2={xOf(point)} y1={y(point.lowerCi)} y2={y(point.upperCi)} />
                        <line x1={xOf(point) - 4} x2={xOf(point) + 4} y1={y(point.lowerCi)} y2={y(point.lowerCi)} />
                        <line x1={xOf(point) - 4} x2={xOf(point) + 4} y1={y(point.upperCi)} y2={y(point.upperCi)} />
                      </g>
                    ) : null}
                    <ChartMarker role={role} x={xOf(point)} y={y(point.value)} size={compact ? 3 : 4} />
                  </g>
                ) : null,
              )}
            </g>
          );
        })}
        <AxisLeft
          scale={y}
          numTicks={compact ? 3 : 5}
          label={compact ? undefined : unit}
          labelProps={{ fontSize: 13, fill: '#0b0c0c', textAnchor: 'middle' }}
          tickLabelProps={{ fontSize: compact ? 14 : 12, fill: '#0b0c0c', textAnchor: 'end', dx: -4, dy: 4 }}
          stroke="#0b0c0c"
          tickStroke="#0b0c0c"
        />
        <AxisBottom
          top={innerHeight}
          scale={x}
          tickValues={tickIndexes}
          tickFormat={(index) => rows[index]?.period ?? ''}
          tickLabelProps={{ fontSize: compact ? 14 : 12, fill: '#0b0c0c', textAnchor: 'middle' }}
          stroke="#0b0c0c"
          tickStroke="#0b0c0c"
        />
      </Group>
    </svg>
  );
}
