import { lazy, Suspense, useMemo } from 'react';
import { Link } from 'react-router';
import { dataStatusLabel } from '../../shared/model/dataMapping/index.ts';
import { areaOf, seriesRows, summariseSeries } from '../../shared/model/evidence/index.ts';
import { metricsForOutcome } from '../../shared/model/framework/index.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type { EvidenceSeries } from '../../shared/schemas/observations.ts';
import { useDataMapping } from '../dataMapping/useDataMapping.ts';
import { useFramework } from '../needsAssessment/useFramework.ts';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { chartLines } from './chartSeries.ts';
import { ComparisonMark } from './ComparisonMark.tsx';
import { comparatorEvidence } from '../../shared/model/evidence/comparators.ts';
import { ComparatorSection } from './ComparatorSection.tsx';
import { useComparatorAreas } from './useComparatorAreas.ts';
import { formatObservationValue, hasSampleData } from './formatObservation.ts';
import { evidencePaths } from './paths.ts';
import { useEvidenceSeries } from './useMetricEvidence.ts';
import './evidence.css';

// The chart library loads only when an outcome has data to draw, never with the first page.
const TrendChart = lazy(async () => ({ default: (await import('./TrendChart.tsx')).TrendChart }));

/**
 * Small multiples for one outcome: a small trend chart per metric serving it (area, region, England), with the
 * latest value and the comparison with England in words, or the metric's data status when it has no data yet.
 * Only inside a partnership's screens.
 */
export function OutcomeEvidence({ outcomeId }: { outcomeId: string }) {
  const { doc } = useWorkspaceDoc();
  const framework = useFramework(doc);
  // In the order the outcome page lists them just above: by indicator, then within each indicator.
  const metrics = useMemo(() => (framework ? metricsForOutcome(framework, outcomeId) : []), [framework, outcomeId]);
  if (!framework) return null;
  return (
    <section className="outcome-evidence" aria-labelledby={`outcome-evidence-${outcomeId}`}>
      <h2 id={`outcome-evidence-${outcomeId}`}>Evidence</h2>
      {metrics.length === 0 ? <p>No metrics serve this outcome yet.</p> : <EvidenceCurves metrics={metrics} />}
    </section>
  );
}

/**
 * The curves of some metrics, each a small chart with its latest value and the comparison with England in words
 * (or its data status when it has no data): on the outcome page, and above a story behind the curve, so what is
 * written sits under what it is about. `titleLevel` fits each metric's heading into the page around it.
 */
export function EvidenceCurves({ metrics, titleLevel = 3 }: { metrics: readonly Metric[]; titleLevel?: 3 | 5 | 6 }) {
  const { partnership } = usePartnership();
  const metricIds = useMemo(() => metrics.map((metric) => metric.id), [metrics]);
  const series = useEvidenceSeries(partnership.id, metricIds);
  if (series.status === 'ready')
    return <SmallMultiples metrics={metrics} series={series.data} titleLevel={titleLevel} />;
  if (series.status === 'failed') return <p>The evidence could not be loaded. Reload the page to try again.</p>;
  return <p className="loading">Loading evidence…</p>;
}

function SmallMultiples({
  metrics,
  series,
  titleLevel,
}: {
  metrics: readonly Metric[];
  series: EvidenceSeries;
  titleLevel: 3 | 5 | 6;
}) {
  const Title = `h${titleLevel}` as const;
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const mappings = useDataMapping(doc);
  const paths = evidencePaths(partnership.id);
  const region = areaOf(series.areas, 'region');
  const lines = chartLines(series.areas, partnership.areaName);
  const all = series.metrics.flatMap((metric) => metric.observations);
  const comparatorAreas = useComparatorAreas(partnership.id);
  const placeName = areaOf(series.areas, 'area')?.name ?? partnership.areaName;
  return (
    <>
      {hasSampleData(all) ? (
        <p className="hint">
          <strong className="tag tag--orange">Sample data</strong> Some values are illustrative, not real statistics.
        </p>
      ) : null}
      <p className="hint">
        Lines: {lines[0]!.name} solid{region ? `, ${region.name} dashed` : ''}, England dotted. Whiskers show 95%
        confidence intervals.
      </p>
      <ul className="small-multiples">
        {metrics.map((metric) => {
          const entry = series.metrics.find((m) => m.metricId === metric.id);
          const observations = entry?.observations ?? [];
          const rows = seriesRows(observations, series.areas);
          const summary = summariseSeries(rows, series.areas, metric.polarity, entry?.method);
          const status = mappings.get(metric.id)?.status ?? null;
          return (
            <li key={metric.id} className="small-multiple">
              <Title className="small-multiple__title">
                <Link to={paths.metric(metric.id)}>{metric.name || 'Untitled metric'}</Link>
              </Title>
              {rows.length === 0 ? (
                <p className="small-multiple__empty">No data yet · Data status: {dataStatusLabel(status)}</p>
              ) : (
                <>
                  <Suspense fallback={<div className="small-multiple__chart-placeholder" />}>
                    <TrendChart
                      rows={rows}
                      lines={lines}
                      unit={metric.unit}
                      title={`${metric.name} over time. ${summary.trend.words}.`}
                      width={320}
                      height={150}
                      compact
                    />
                  </Suspense>
                  <p className="small-multiple__latest">
                    {summary.latest
                      ? `${summary.latest.period}: ${formatObservationValue(summary.latest.area, metric.unit)}`
                      : ''}
                  </p>
                  <p>
                    <ComparisonMark comparison={summary.versusEngland} /> compared with England
                  </p>
                  {comparatorAreas.length > 0 ? (
                    <ComparatorSection
                      comparators={comparatorEvidence(
                        observations,
                        partnership.areaCode,
                        placeName,
                        comparatorAreas,
                        metric.polarity,
                      )}
                      metricName={metric.name}
                      unit={metric.unit}
                      choosePath={paths.comparators}
                      compact
                    />
                  ) : null}
                </>
              )}
            </li>
          );
        })}
      </ul>
    </>
  );
}
