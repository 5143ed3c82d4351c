import { ChartMarker } from './ChartMarker.tsx';
import { seriesStyles, type SeriesRole } from './chartSeries.ts';

/** The chart's key in words, each with its line style and marker, and what the whiskers mean. */
export function ChartLegend({
  lines,
  className = '',
  whiskers = true,
}: {
  lines: readonly { role: SeriesRole; name: string }[];
  className?: string;
  /** Whether the chart draws confidence intervals, so the key explains them. */
  whiskers?: boolean;
}) {
  return (
    <ul className={`chart-legend ${className}`.trim()}>
      {lines.map(({ role, name }) => (
        <li key={role}>
          <svg width="36" height="14" aria-hidden="true" focusable="false">
            <line
              x1="2"
              x2="34"
              y1="7"
              y2="7"
              stroke={seriesStyles[role].colour}
              strokeWidth="2.5"
              strokeDasharray={seriesStyles[role].dash || undefined}
            />
            <ChartMarker role={role} x={18} y={7} />
          </svg>
          {name}
        </li>
      ))}
      {whiskers ? (
        <li>
          <svg width="36" height="14" aria-hidden="true" focusable="false">
            <line x1="18" x2="18" y1="1" y2="13" stroke="#0b0c0c" />
            <line x1="14" x2="22" y1="1" y2="1" stroke="#0b0c0c" />
            <line x1="14" x2="22" y1="13" y2="13" stroke="#0b0c0c" />
          </svg>
          95% confidence interval
        </li>
      ) : null}
    </ul>
  );
}
