import { useMemo } from 'react';
import { Link } from 'react-router';
import { seriesRows, summariseSeries } from '../../../shared/model/evidence/index.ts';
import type { MetricContext } from '../../../shared/model/dataMapping/index.ts';
import type { EvidenceSeries } from '../../../shared/schemas/observations.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { useMetricContexts } from '../../dataMapping/useMetricContexts.ts';
import { ComparisonMark } from '../../evidence/ComparisonMark.tsx';
import { formatObservationValue, hasSampleData } from '../../evidence/formatObservation.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { SampleDataNotice } from '../../evidence/SampleDataNotice.tsx';
import { useEvidenceSeries } from '../../evidence/useMetricEvidence.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';

/** Every metric with data at a glance: latest value, the comparison with England and the trend, in words. */
export function EvidenceListScreen() {
  const { partnership } = usePartnership();
  const contexts = useMetricContexts();
  const metricIds = useMemo(() => (contexts ?? []).map((context) => context.metric.id), [contexts]);
  const series = useEvidenceSeries(partnership.id, metricIds);
  const paths = evidencePaths(partnership.id);
  return (
    <PartnershipPage title="Evidence">
      <p className="lead">How the partnership’s indicators are moving, compared with England and the region.</p>
      <div className="button-group">
        <Link className="button" to={paths.importData}>
          Import data
        </Link>
        <Link to={paths.dataMapping}>What data we have (data mapping)</Link>
        <Link to={paths.comparators}>Comparator areas</Link>
      </div>
      {!contexts || series.status === 'loading' ? (
        <p className="loading" role="status">
          Loading the evidence…
        </p>
      ) : series.status === 'failed' ? (
        <LoadFailure what="the evidence" error={series.error} onRetry={series.reload} />
      ) : (
        <EvidenceList contexts={contexts} series={series.data} />
      )}
    </PartnershipPage>
  );
}

function EvidenceList({ contexts, series }: { contexts: MetricContext[]; series: EvidenceSeries }) {
  const { partnership } = usePartnership();
  const paths = evidencePaths(partnership.id);
  const withData = contexts.flatMap((context) => {
    const entry = series.metrics.find((m) => m.metricId === context.metric.id);
    const observations = entry?.observations ?? [];
    if (observations.length === 0) return [];
    const rows = seriesRows(observations, series.areas);
    const summary = summariseSeries(rows, series.areas, context.metric.polarity, entry?.method);
    return [{ context, observations, summary }];
  });
  const allObservations = withData.flatMap((item) => item.observations);
  const areaName = series.areas.find((area) => area.role === 'area')?.name ?? partnership.areaName;
  if (withData.length === 0) {
    return (
      <div className="panel">
        <h2>No data yet</h2>
        <p>
          Import an OHID Fingertips “all data” export, or your own data in our template, to see how your indicators are
          moving. <Link to={paths.importData}>Import data</Link>.
        </p>
      </div>
    );
  }
  return (
    <>
      {hasSampleData(allObservations) ? <SampleDataNotice /> : null}
      <p>
        {withData.length} of {contexts.length} metrics have data.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Metrics with data">
        <table className="table evidence-list">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Latest period</th>
              <th scope="col">{areaName}</th>
              <th scope="col">England</th>
              <th scope="col">Compared with England</th>
              <th scope="col">Recent trend</th>
            </tr>
          </thead>
          <tbody>
            {withData.map(({ context, summary }) => (
              <tr key={context.metric.id}>
                <th scope="row">
                  <Link to={paths.metric(context.metric.id)}>{context.metric.name || 'Untitled metric'}</Link>
                  {summary.latest?.area?.source === 'sample' ? (
                    <span className="tag tag--orange">Sample data</span>
                  ) : null}
                </th>
                <td>{summary.latest?.period ?? '–'}</td>
                <td>{formatObservationValue(summary.latest?.area ?? null, context.metric.unit)}</td>
                <td>{formatObservationValue(summary.latest?.england ?? null, context.metric.unit)}</td>
                <td>
                  <ComparisonMark comparison={summary.versusEngland} />
                </td>
                <td>{summary.trend.words}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
