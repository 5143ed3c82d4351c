import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { statusBuckets, type AvailabilitySummary, type StatusBucket } from '../../shared/model/dataMapping/index.ts';
import { statusStyles } from './statusStyles.ts';

const margin = { top: 8, right: 16, bottom: 30, left: 84 };

function Patterns() {
  return (
    <defs>
      {statusBuckets.map((bucket) => {
        const { colour, pattern } = statusStyles[bucket];
        const id = `status-pattern-${bucket}`;
        return (
          <pattern key={bucket} id={id} width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill={colour} />
            {pattern === 'diagonal' ? <path d="M0 8 L8 0" stroke="#fff" strokeWidth="1.5" /> : null}
            {pattern === 'dots' ? <circle cx="4" cy="4" r="1.5" fill="#fff" /> : null}
            {pattern === 'cross' ? <path d="M0 0 L8 8 M8 0 L0 8" stroke="#fff" strokeWidth="1.2" /> : null}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A swatch of a status's fill, for the legend (drawn without shared defs, so ids never repeat on the page). */
export function StatusSwatch({ bucket }: { bucket: StatusBucket }) {
  const { colour, pattern } = statusStyles[bucket];
  return (
    <svg width="18" height="18" aria-hidden="true" focusable="false" className="status-swatch">
      <rect width="18" height="18" fill={colour} stroke="#0b0c0c" strokeWidth="1" />
      {pattern === 'diagonal' ? <path d="M0 18 L18 0 M0 9 L9 0 M9 18 L18 9" stroke="#fff" strokeWidth="1.5" /> : null}
      {pattern === 'dots' ? (
        <g fill="#fff">
          <circle cx="5" cy="5" r="1.6" />
          <circle cx="13" cy="13" r="1.6" />
          <circle cx="13" cy="5" r="1.6" />
          <circle cx="5" cy="13" r="1.6" />
        </g>
      ) : null}
      {pattern === 'cross' ? <path d="M2 2 L16 16 M16 2 L2 16" stroke="#fff" strokeWidth="1.5" /> : null}
    </svg>
  );
}

/**
 * One stacked bar per domain: how its metrics split by status, as a share. Each status has its own pattern as well
 * as colour; the table beside the chart gives the same numbers.
 */
export function AvailabilityChart({
  rows,
  labelOf,
}: {
  rows: readonly AvailabilitySummary[];
  labelOf: (row: AvailabilitySummary) => string;
}) {
  const width = 400;
  const height = margin.top + margin.bottom + rows.length * 40;
  const innerWidth = width - margin.left - margin.right;
  const y = scaleBand<number>({
    domain: rows.map((_, index) => index),
    range: [0, height - margin.top - margin.bottom],
    padding: 0.25,
  });
  const x = scaleLinear<number>({ domain: [0, 1], range: [0, innerWidth] });
  return (
    <svg
      viewBox={`0 0 ${width} ${height}`}
      className="availability-chart"
      role="img"
      aria-label="Share of metrics in each data status, by domain. The table beside the chart gives the numbers."
    >
      <Patterns />
      <Group left={margin.left} top={margin.top}>
        {rows.map((row, index) => {
          let start = 0;
          const top = y(index) ?? 0;
          return (
            <g key={labelOf(row)}>
              <text x={-8} y={top + y.bandwidth() / 2 + 5} textAnchor="end" fontSize="15" fill="#0b0c0c">
                {labelOf(row)}
              </text>
              {row.total === 0 ? (
                <text x={4} y={top + y.bandwidth() / 2 + 5} fontSize="13" fill="#505a5f">
                  no metrics
                </text>
              ) : (
                statusBuckets.map((bucket) => {
                  const share = row.counts[bucket] / row.total;
                  const bar = (
                    <Bar
                      key={bucket}
                      x={x(start)}
                      y={top}
                      width={Math.max(0, x(share))}
                      height={y.bandwidth()}
                      fill={`url(#status-pattern-${bucket})`}
                      stroke="#fff"
                      strokeWidth={1}
                    />
                  );
                  start += share;
                  return bar;
                })
              )}
            </g>
          );
        })}
        {[0, 0.25, 0.5, 0.75, 1].map((tick) => (
          <text key={tick} x={x(tick)} y={height - margin.top - 8} textAnchor="middle" fontSize="13" fill="#0b0c0c">
            {tick * 100}%
          </text>
        ))}
      </Group>
    </svg>
  );
}
