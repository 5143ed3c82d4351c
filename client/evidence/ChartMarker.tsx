import type { SeriesRole } from './chartSeries.ts';
import { seriesStyles } from './chartSeries.ts';

/** The marker of a line at one point: a circle, square or diamond, so lines differ by shape as well as colour. */
export function ChartMarker({ role, x, y, size = 4 }: { role: SeriesRole; x: number; y: number; size?: number }) {
  const { colour, marker } = seriesStyles[role];
  if (marker === 'circle') return <circle cx={x} cy={y} r={size} fill={colour} />;
  if (marker === 'square') return <rect x={x - size} y={y - size} width={size * 2} height={size * 2} fill={colour} />;
  const d = `M ${x} ${y - size - 1} L ${x + size + 1} ${y} L ${x} ${y + size + 1} L ${x - size - 1} ${y} Z`;
  return <path d={d} fill={colour} />;
}
