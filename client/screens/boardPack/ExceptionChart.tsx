import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleLinear, scalePoint } from '@visx/scale';
import { LinePath } from '@visx/shape';
import type { PackException } from '../../../shared/schemas/boardPack.ts';
import { ChartLegend } from '../../evidence/ChartLegend.tsx';
import { ChartMarker } from '../../evidence/ChartMarker.tsx';
import { seriesStyles, type SeriesRole } from '../../evidence/chartSeries.ts';

const width = 640;
const height = 220;
const margin = { top: 12, right: 16, bottom: 36, left: 52 };

interface Point {
  index: number;
  value: number;
}

/**
 * An exception's series over time, drawn as the evidence screens draw it (each line its own colour, dash and marker;
 * suppressed or missing values leave gaps). The table beside it carries the numbers and is what is read out.
 */
export function ExceptionChart({ exception, areaName }: { exception: PackException; areaName: string }) {
  const lines: { role: SeriesRole; name: string; points: (Point | null)[] }[] = (
    [
      { role: 'area', name: areaName },
      { role: 'region', name: 'Region' },
      { role: 'england', name: 'England' },
    ] as const
  )
    .map(({ role, name }) => ({
      role,
      name,
      points: exception.series.map((row, index) => {
        const value = role === 'area' ? (row.suppressed ? null : row.area) : row[role];
        return value === null ? null : { index, value };
      }),
    }))
    .filter((line) => line.points.some((point) => point !== null));
  const values = lines.flatMap((line) => line.points.flatMap((point) => (point ? [point.value] : [])));
  if (values.length === 0) return null;

  const innerWidth = width - margin.left - margin.right;
  const innerHeight = height - margin.top - margin.bottom;
  const x = scalePoint<number>({
    domain: exception.series.map((_, index) => index),
    range: [0, innerWidth],
    padding: 0.5,
  });
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  const y = scaleLinear<number>({ domain: [Math.max(0, low - pad), high + pad], range: [innerHeight, 0], nice: true });

  return (
    <figure className="board-pack__chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${exception.metricName} over time; the numbers are in the table below`}
        preserveAspectRatio="xMidYMid meet"
      >
        <Group left={margin.left} top={margin.top}>
          {lines.map(({ role, points }) => (
            <g key={role}>
              <LinePath<Point | null>
                data={points}
                x={(point) => (point ? (x(point.index) ?? 0) : 0)}
                y={(point) => (point ? y(point.value) : 0)}
                defined={(point) => point !== null}
                stroke={seriesStyles[role].colour}
                strokeWidth={2}
                strokeDasharray={seriesStyles[role].dash || undefined}
              />
              {points.map((point) =>
                point ? (
                  <ChartMarker key={point.index} role={role} x={x(point.index) ?? 0} y={y(point.value)} size={3.5} />
                ) : null,
              )}
            </g>
          ))}
          <AxisLeft
            scale={y}
            numTicks={4}
            tickLabelProps={{ fontSize: 12, fill: '#0b0c0c', textAnchor: 'end', dx: -4, dy: 4 }}
            stroke="#0b0c0c"
            tickStroke="#0b0c0c"
          />
          <AxisBottom
            top={innerHeight}
            scale={x}
            tickFormat={(index) => exception.series[index]?.period ?? ''}
            tickLabelProps={{ fontSize: 12, fill: '#0b0c0c', textAnchor: 'middle' }}
            stroke="#0b0c0c"
            tickStroke="#0b0c0c"
          />
        </Group>
      </svg>
      <figcaption>
        <ChartLegend lines={lines} className="board-pack__legend" whiskers={false} />
      </figcaption>
    </figure>
  );
}
