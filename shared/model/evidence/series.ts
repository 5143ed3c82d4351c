import type { AreaRole, EvidenceArea, Observation } from '../../schemas/observations.ts';
import type { Polarity } from '../../schemas/framework.ts';
import { compareWithComparator, type Comparison } from './significance.ts';
import { recentTrend, type Trend } from './trend.ts';

/** One period of a metric's whole-population series: the area, region and England side by side. */
export interface SeriesRow {
  period: string;
  periodKey: number;
  area: Observation | null;
  region: Observation | null;
  england: Observation | null;
}

/** The area of a role among those that have data (the first, if a file brought two). */
export function areaOf(areas: readonly EvidenceArea[], role: AreaRole): EvidenceArea | null {
  return areas.find((area) => area.role === role) ?? null;
}

/** The whole-population observations of one breakdown (empty category type = whole population), period by period. */
export function seriesRows(
  observations: readonly Observation[],
  areas: readonly EvidenceArea[],
  breakdown: { categoryType: string; category: string } = { categoryType: '', category: '' },
): SeriesRow[] {
  const codes = {
    area: areaOf(areas, 'area')?.code,
    region: areaOf(areas, 'region')?.code,
    england: areaOf(areas, 'england')?.code,
  };
  const rows = new Map<number, SeriesRow>();
  for (const observation of observations) {
    if (observation.categoryType !== breakdown.categoryType || observation.category !== breakdown.category) continue;
    const row = rows.get(observation.periodKey) ?? {
      period: observation.period,
      periodKey: observation.periodKey,
      area: null,
      region: null,
      england: null,
    };
    rows.set(observation.periodKey, row);
    if (observation.areaCode === codes.area) row.area = observation;
    else if (observation.areaCode === codes.region) row.region = observation;
    else if (observation.areaCode === codes.england) row.england = observation;
  }
  return Array.from(rows.values()).sort((a, b) => a.periodKey - b.periodKey);
}

/** What the evidence page says in words: the latest comparisons and the area's recent trend. */
export interface EvidenceSummary {
  latest: SeriesRow | null;
  versusEngland: Comparison | null;
  versusRegion: Comparison | null;
  trend: Trend;
}

/** The latest period where the area has a value, compared with England and the region, and the area's trend. */
export function summariseSeries(
  rows: readonly SeriesRow[],
  areas: readonly EvidenceArea[],
  polarity: Polarity,
): EvidenceSummary {
  const latest = [...rows].reverse().find((row) => row.area?.value !== null && row.area !== null) ?? null;
  const regionName = areaOf(areas, 'region')?.name ?? 'the region';
  const none = { value: null, lowerCi: null, upperCi: null };
  const versusEngland = latest?.area
    ? compareWithComparator(latest.area, latest.england ?? none, polarity, 'England')
    : null;
  const versusRegion =
    latest?.area && areaOf(areas, 'region')
      ? compareWithComparator(latest.area, latest.region ?? none, polarity, regionName)
      : null;
  const trend = recentTrend(
    rows.flatMap((row) => (row.area ? [{ ...row.area, period: row.period, periodKey: row.periodKey }] : [])),
    polarity,
  );
  return { latest, versusEngland, versusRegion, trend };
}

/** The breakdowns present among observations (category types with their categories), for the breakdown tables. */
export function breakdownsOf(observations: readonly Observation[]): { categoryType: string; categories: string[] }[] {
  const byType = new Map<string, Set<string>>();
  for (const observation of observations) {
    if (observation.categoryType === '') continue;
    const categories = byType.get(observation.categoryType) ?? new Set<string>();
    categories.add(observation.category);
    byType.set(observation.categoryType, categories);
  }
  const collator = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
  return Array.from(byType, ([categoryType, categories]) => ({
    categoryType,
    categories: Array.from(categories).sort(collator.compare),
  })).sort((a, b) => collator.compare(a.categoryType, b.categoryType));
}
