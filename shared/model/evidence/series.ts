import { englandAreaCode, type AreaRole, type EvidenceArea, type Observation } from '../../schemas/observations.ts';
import type { Polarity } from '../../schemas/framework.ts';
import { defaultEvidenceMethod, type EvidenceMethod } from '../../schemas/evidenceMethods.ts';
import type { ComparatorJudgement } from '../../schemas/evidenceJudgements.ts';
import { compareByMethod, type MethodComparison } from './significance.ts';
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

/** What the evidence page says in words: the latest comparisons and the area's recent trend, by the metric's methods. */
export interface EvidenceSummary {
  latest: SeriesRow | null;
  versusEngland: MethodComparison | null;
  versusRegion: MethodComparison | null;
  trend: Trend;
  /** The methods these were judged by. */
  method: EvidenceMethod;
}

const noEstimate = { value: null, lowerCi: null, upperCi: null };

/**
 * The latest period where the area has a value, compared with England and the region by the metric's comparison
 * method, and the area's recent trend by the test for its value type (defaults: 95% interval, not tested).
 */
export function summariseSeries(
  rows: readonly SeriesRow[],
  areas: readonly EvidenceArea[],
  polarity: Polarity,
  method: EvidenceMethod = defaultEvidenceMethod,
): EvidenceSummary {
  const latest = [...rows].reverse().find((row) => row.area?.value !== null && row.area !== null) ?? null;
  const region = areaOf(areas, 'region');
  const compare = (comparator: SeriesRow['england'], comparatorName: string, comparatorIsEngland: boolean) =>
    compareByMethod(latest!.area!, comparator ?? noEstimate, {
      method: method.comparison,
      polarity,
      comparatorName,
      comparatorIsEngland,
    });
  const versusEngland = latest?.area ? compare(latest.england, 'England', true) : null;
  const versusRegion = latest?.area && region ? compare(latest.region, region.name, false) : null;
  const trend = recentTrend(
    rows.flatMap((row) => (row.area ? [{ ...row.area, period: row.period, periodKey: row.periodKey }] : [])),
    polarity,
    {
      valueType: method.valueType,
      valueTypeKnown: method.source === 'fingertips-metadata' || method.valueType !== 'other',
    },
  );
  return { latest, versusEngland, versusRegion, trend, method };
}

/**
 * The evidence answer's judgements, one per comparator (England, then the region when there is one): the method,
 * the significance level the judgement rests on, and the judgement in keys and words. Empty without a latest value.
 */
export function comparatorJudgements(summary: EvidenceSummary, areas: readonly EvidenceArea[]): ComparatorJudgement[] {
  const { latest } = summary;
  if (!latest) return [];
  const judgement = (
    role: ComparatorJudgement['role'],
    comparatorCode: string,
    comparatorName: string,
    comparison: MethodComparison,
  ): ComparatorJudgement => ({
    comparatorCode,
    comparatorName,
    role,
    period: latest.period,
    method: comparison.method,
    level: comparison.level,
    tiers: comparison.tiers,
    quintile: comparison.quintile,
    direction: comparison.direction,
    judgement: comparison.judgement,
    words: comparison.words,
  });
  const england = areaOf(areas, 'england');
  const region = areaOf(areas, 'region');
  const judgements: ComparatorJudgement[] = [];
  if (summary.versusEngland) {
    judgements.push(judgement('england', england?.code ?? englandAreaCode, 'England', summary.versusEngland));
  }
  if (summary.versusRegion && region) {
    judgements.push(judgement('region', region.code, region.name, summary.versusRegion));
  }
  return judgements;
}

/** The judgements of a metric's evidence answer from its (suppressed) observations: the whole-population series, summarised. */
export function metricJudgements(
  observations: readonly Observation[],
  areas: readonly EvidenceArea[],
  polarity: Polarity,
  method: EvidenceMethod = defaultEvidenceMethod,
): ComparatorJudgement[] {
  return comparatorJudgements(summariseSeries(seriesRows(observations, areas), areas, polarity, method), areas);
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
