import { seriesRows, summariseSeries, type SeriesRow } from '../../shared/model/evidence/index.ts';
import type { Comparison } from '../../shared/model/evidence/significance.ts';
import type { EvidenceFact } from '../../shared/schemas/cycles.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type { EvidenceSeries } from '../../shared/schemas/observations.ts';

/** A metric's whole-population series for the partnership's area with its latest judgement (null without data). */
export interface MetricEvidenceFact {
  metric: Metric;
  rows: SeriesRow[];
  fact: EvidenceFact | null;
}

function comparisonFact(
  comparator: 'england' | 'region',
  comparatorName: string,
  comparison: Comparison,
): EvidenceFact['comparisons'][number] {
  return { comparator, comparatorName, judgement: comparison.judgement, words: comparison.words };
}

/**
 * The latest whole-population observation per metric for the partnership's area, judged against England and the
 * region and with its recent trend, from series already suppressed (`ObservationService.series`), so a suppressed
 * value stays unknown here too.
 */
export function evidenceFacts(metrics: readonly Metric[], series: EvidenceSeries): MetricEvidenceFact[] {
  const byMetric = new Map(series.metrics.map((entry) => [entry.metricId, entry]));
  const regionName = series.areas.find((area) => area.role === 'region')?.name ?? 'the region';
  return metrics.map((metric) => {
    const entry = byMetric.get(metric.id);
    const rows = seriesRows(entry?.observations ?? [], series.areas);
    const summary = summariseSeries(rows, series.areas, metric.polarity, entry?.method);
    // The latest period the area has a row for (a suppressed value is still the latest observation).
    const latest = summary.latest ?? [...rows].reverse().find((row) => row.area !== null) ?? null;
    if (!latest?.area) return { metric, rows, fact: null };
    const comparisons: EvidenceFact['comparisons'] = [];
    if (summary.versusEngland) comparisons.push(comparisonFact('england', 'England', summary.versusEngland));
    if (summary.versusRegion) comparisons.push(comparisonFact('region', regionName, summary.versusRegion));
    return {
      metric,
      rows,
      fact: {
        metricId: metric.id,
        areaCode: latest.area.areaCode,
        period: latest.period,
        periodKey: latest.periodKey,
        value: latest.area.value,
        suppressed: latest.area.suppressed,
        importedAt: latest.area.importedAt,
        comparisons,
        trend: summary.trend,
      },
    };
  });
}

/** Why a metric is reported by exception, in words; empty when it is not (not worse, not significantly worsening). */
export function exceptionReasons(fact: EvidenceFact): string[] {
  const reasons = fact.comparisons
    .filter((comparison) => comparison.judgement === 'worse')
    .map((comparison) => capitalise(comparison.words));
  if (fact.trend.judgement === 'getting-worse' && fact.trend.tested) reasons.push(fact.trend.words);
  return reasons;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
