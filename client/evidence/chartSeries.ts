import { areaOf, type SeriesRow } from '../../shared/model/evidence/index.ts';
import type { EvidenceArea, Observation } from '../../shared/schemas/observations.ts';

/** Which line of a trend chart: the area, its region or England. */
export type SeriesRole = 'area' | 'region' | 'england';

/**
 * How each line is drawn. Colour is never the only difference: each has its own dash pattern and marker shape,
 * and the legend names them in words.
 */
export const seriesStyles: Readonly<
  Record<SeriesRole, { colour: string; dash: string; marker: 'circle' | 'square' | 'diamond' }>
> = {
  area: { colour: '#1d70b8', dash: '', marker: 'circle' },
  region: { colour: '#6f3a9e', dash: '6 4', marker: 'square' },
  england: { colour: '#505a5f', dash: '2 3', marker: 'diamond' },
};

/** One plotted point: where it sits on the time axis and its value with its interval. */
export interface ChartPoint {
  index: number;
  value: number;
  lowerCi: number | null;
  upperCi: number | null;
}

/** The points of one line; suppressed or missing values leave a gap (null). */
export function linePoints(rows: readonly SeriesRow[], role: SeriesRole): (ChartPoint | null)[] {
  return rows.map((row, index) => {
    const observation: Observation | null = row[role];
    if (!observation || observation.value === null) return null;
    return { index, value: observation.value, lowerCi: observation.lowerCi, upperCi: observation.upperCi };
  });
}

/** The smallest and largest value any line or interval reaches, padded a little; [0, 1] when there are none. */
export function valueExtent(lines: readonly (ChartPoint | null)[][]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const line of lines) {
    for (const point of line) {
      if (!point) continue;
      low = Math.min(low, point.lowerCi ?? point.value, point.value);
      high = Math.max(high, point.upperCi ?? point.value, point.value);
    }
  }
  if (!Number.isFinite(low)) return [0, 1];
  const pad = (high - low || Math.abs(high) || 1) * 0.1;
  return [Math.max(0, low - pad), high + pad];
}

/**
 * The lines a metric's chart draws for the areas that have data: the place (named as its rows name it, else
 * `placeName`), its region when there is one, and England.
 */
export function chartLines(areas: readonly EvidenceArea[], placeName: string): { role: SeriesRole; name: string }[] {
  const region = areaOf(areas, 'region');
  return [
    { role: 'area', name: areaOf(areas, 'area')?.name ?? placeName },
    ...(region ? [{ role: 'region' as const, name: region.name }] : []),
    { role: 'england', name: 'England' },
  ];
}
