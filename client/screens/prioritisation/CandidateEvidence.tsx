import { useMemo, useState } from 'react';
import { areaOf, seriesRows } from '../../../shared/model/evidence/index.ts';
import { dataStatusLabel } from '../../../shared/model/dataMapping/statuses.ts';
import type { CandidateMetric } from '../../../shared/schemas/candidateEvidence.ts';
import { defaultEvidenceMethod } from '../../../shared/schemas/evidenceMethods.ts';
import { chartLines } from '../../evidence/chartSeries.ts';
import { ComparatorSection } from '../../evidence/ComparatorSection.tsx';
import { EvidenceTable } from '../../evidence/EvidenceTable.tsx';
import { formatValue } from '../../evidence/formatObservation.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { TrendChart } from '../../evidence/TrendChart.tsx';
import { useMetricEvidence } from '../../evidence/useMetricEvidence.ts';
import { useCandidateEvidence } from '../../prioritisation/RoundEvidenceContext.tsx';
import { usePartnership } from '../partnership/PartnershipContext.ts';

const comparisonWords = (metric: CandidateMetric, comparator: 'england' | 'region'): string =>
  metric.latest?.comparisons.find((comparison) => comparison.comparator === comparator)?.words ?? '—';

function latestWords(metric: CandidateMetric): string {
  const latest = metric.latest;
  if (!latest) return 'No data';
  if (latest.suppressed || latest.value === null) return `${latest.period}: suppressed (small count)`;
  return `${formatValue(latest.value, metric.unit)} (${latest.period})`;
}

/**
 * The evidence beside one candidate: a one-line summary that opens to its metrics — latest value, against England
 * and the region in words, the trend, data availability, each with its chart and table — its concerns and the
 * offer actions aimed at it. Renders nothing outside a `RoundEvidenceProvider` (client/prioritisation/RoundEvidenceContext.tsx) or before the evidence has loaded.
 */
export function CandidateEvidence({ candidateId, label }: { candidateId: string; label: string }) {
  const entry = useCandidateEvidence(candidateId);
  if (!entry) return null;
  const { availability } = entry;
  const gaps = availability.missing + availability.notAccessible + availability.notMapped;
  return (
    <details className="candidate-evidence" data-testid="candidate-evidence">
      <summary>
        <span className="visually-hidden">Evidence for {label}: </span>
        <span className="candidate-evidence__headline">{entry.headline}</span>
      </summary>
      <div className="candidate-evidence__body">
        {entry.metrics.length > 0 ? (
          <table className="table table--compact">
            <caption className="visually-hidden">The metrics behind {label}</caption>
            <thead>
              <tr>
                <th scope="col">Metric</th>
                <th scope="col">Latest</th>
                <th scope="col">Against England</th>
                <th scope="col">Against the region</th>
                <th scope="col">Recent trend</th>
                <th scope="col">Data</th>
              </tr>
            </thead>
            <tbody>
              {entry.metrics.map((metric) => (
                <tr key={metric.metricId}>
                  <th scope="row">{metric.name || 'Untitled metric'}</th>
                  <td>{latestWords(metric)}</td>
                  <td>{comparisonWords(metric, 'england')}</td>
                  <td>{comparisonWords(metric, 'region')}</td>
                  <td>{metric.latest?.trend.words ?? '—'}</td>
                  <td>{dataStatusLabel(metric.availability)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : null}
        <p>
          {entry.metrics.length > 0
            ? `Data: ${availability.available} available, ${availability.partial} partial${gaps > 0 ? `, ${gaps} missing, not accessible or not mapped` : ''}.`
            : null}{' '}
          {entry.actions === 0
            ? 'No offer action aims at it yet.'
            : `${entry.actions} offer ${entry.actions === 1 ? 'action aims' : 'actions aim'} at it.`}
        </p>
        {entry.concerns.length > 0 ? (
          <p>Concerns: {entry.concerns.map((concern) => concern.name || 'Untitled concern').join('; ')}.</p>
        ) : null}
        {entry.metrics
          .filter((metric) => metric.latest)
          .map((metric) => (
            <MetricChartDisclosure key={metric.metricId} metric={metric} />
          ))}
      </div>
    </details>
  );
}

/** A metric's chart and table, loaded only when someone opens it. */
function MetricChartDisclosure({ metric }: { metric: CandidateMetric }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="candidate-evidence__chart" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Chart and table: {metric.name || 'Untitled metric'}</summary>
      {open ? <MetricChart metric={metric} /> : null}
    </details>
  );
}

function MetricChart({ metric }: { metric: CandidateMetric }) {
  const { partnership } = usePartnership();
  const evidence = useMetricEvidence(partnership.id, metric.metricId);
  const rows = useMemo(
    () => (evidence.status === 'ready' ? seriesRows(evidence.data.observations, evidence.data.areas) : []),
    [evidence],
  );
  if (evidence.status === 'loading') return <p role="status">Loading the chart…</p>;
  if (evidence.status === 'failed') return <p className="field-error">The chart could not be loaded.</p>;
  const area = areaOf(evidence.data.areas, 'area');
  const region = areaOf(evidence.data.areas, 'region');
  const areaName = area?.name ?? partnership.areaName;
  const lines = chartLines(evidence.data.areas, partnership.areaName);
  return (
    <figure className="trend-figure">
      <TrendChart
        rows={rows}
        lines={lines}
        unit={evidence.data.metric.unit}
        title={`${metric.name}: ${lines.map((line) => line.name).join(', ')} over time. The table below gives every value.`}
        width={560}
        height={240}
        compact
      />
      <EvidenceTable
        rows={rows}
        areaName={areaName}
        regionName={region?.name ?? null}
        unit={evidence.data.metric.unit}
        polarity={evidence.data.metric.polarity}
        caption={`${metric.name} by period`}
        method={evidence.data.method ?? defaultEvidenceMethod}
      />
      <ComparatorSection
        comparators={evidence.data.comparators}
        metricName={metric.name}
        unit={evidence.data.metric.unit}
        choosePath={evidencePaths(partnership.id).comparators}
        compact
      />
    </figure>
  );
}
