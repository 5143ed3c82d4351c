import { useMemo } from 'react';
import { Link, useParams } from 'react-router';
import { dataStatusLabel } from '../../../shared/model/dataMapping/index.ts';
import {
  areaOf,
  comparisonMethodExplanation,
  seriesRows,
  summariseSeries,
} from '../../../shared/model/evidence/index.ts';
import { defaultEvidenceMethod } from '../../../shared/schemas/evidenceMethods.ts';
import { polarityLabels } from '../../../shared/model/framework/index.ts';
import type { Metric } from '../../../shared/schemas/framework.ts';
import type { MetricEvidence } from '../../../shared/schemas/observations.ts';
import { maxAnchorPeriodLength } from '../../../shared/schemas/comments.ts';
import { CommentThreadsProvider } from '../../comments/CommentThreadsProvider.tsx';
import { EntityComments } from '../../comments/EntityComments.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { useDataMapping } from '../../dataMapping/useDataMapping.ts';
import { AboutIndicator } from '../../evidence/AboutIndicator.tsx';
import { BreakdownTables } from '../../evidence/BreakdownTables.tsx';
import { ChartLegend } from '../../evidence/ChartLegend.tsx';
import { ComparatorSection } from '../../evidence/ComparatorSection.tsx';
import { chartLines } from '../../evidence/chartSeries.ts';
import { EvidenceStatement } from '../../evidence/EvidenceStatement.tsx';
import { EvidenceTable } from '../../evidence/EvidenceTable.tsx';
import { MarkAvailable } from '../../evidence/MarkAvailable.tsx';
import { hasSampleData } from '../../evidence/formatObservation.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { SampleDataNotice } from '../../evidence/SampleDataNotice.tsx';
import { TrendChart } from '../../evidence/TrendChart.tsx';
import { useMetricEvidence } from '../../evidence/useMetricEvidence.ts';
import { useFramework } from '../../needsAssessment/useFramework.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';

/** One metric's evidence: the comparison in words, the trend chart with its table, and breakdowns. */
export function MetricEvidenceScreen() {
  const { metricId = '' } = useParams();
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const framework = useFramework(doc);
  const evidence = useMetricEvidence(partnership.id, metricId);
  // The live metric once the workspace doc has synced; until then, the server's copy, so the page draws at once.
  const liveMetric = framework?.metrics.find((candidate) => candidate.id === metricId) ?? null;
  const metric = liveMetric ?? (evidence.status === 'ready' && !framework ? evidence.data.metric : null);

  if (evidence.status === 'loading' || (!metric && !framework && evidence.status !== 'failed')) return <LoadingPage />;
  if (!metric) {
    if (evidence.status === 'failed' && !framework) {
      return (
        <PartnershipPage title="Evidence">
          <LoadFailure what="the evidence for this metric" error={evidence.error} onRetry={evidence.reload} />
        </PartnershipPage>
      );
    }
    return (
      <PartnershipPage title="Metric not found">
        <p>This framework has no such metric. It may have been deleted.</p>
        <Link to={evidencePaths(partnership.id).evidence}>Back to evidence</Link>
      </PartnershipPage>
    );
  }
  return (
    <PartnershipPage title={metric.name || 'Untitled metric'}>
      <p className="back-link-wrapper">
        <Link className="back-link" to={evidencePaths(partnership.id).evidence}>
          All evidence
        </Link>
      </p>
      {evidence.status === 'failed' ? (
        <LoadFailure what="the evidence for this metric" error={evidence.error} onRetry={evidence.reload} />
      ) : (
        <CommentThreadsProvider>
          <MetricEvidenceView metric={metric} evidence={evidence.data} />
        </CommentThreadsProvider>
      )}
    </PartnershipPage>
  );
}

function MetricEvidenceView({ metric, evidence }: { metric: Metric; evidence: MetricEvidence }) {
  const { partnership } = usePartnership();
  const { doc } = useWorkspaceDoc();
  const mapping = useDataMapping(doc).get(metric.id) ?? null;
  const rows = useMemo(() => seriesRows(evidence.observations, evidence.areas), [evidence]);
  const method = evidence.method ?? defaultEvidenceMethod;
  const summary = useMemo(
    () => summariseSeries(rows, evidence.areas, metric.polarity, method),
    [rows, evidence, metric, method],
  );
  const area = areaOf(evidence.areas, 'area');
  const region = areaOf(evidence.areas, 'region');
  const areaName = area?.name ?? partnership.areaName;
  const lines = chartLines(evidence.areas, partnership.areaName);
  const paths = evidencePaths(partnership.id);
  const name = metric.name || 'Untitled metric';
  const comments = (
    <EntityComments
      anchor={{ kind: 'entity', entityKind: 'metric', entityId: metric.id, aspect: 'evidence' }}
      subject={`Evidence: ${name}`}
      about={`the evidence for ${name}`}
      // A period is a short label; one too long to name in an anchor is left out of the choice.
      periods={rows.map((row) => row.period.trim()).filter((period) => period.length <= maxAnchorPeriodLength)}
      headingLevel={3}
      testId="evidence-comments"
    />
  );
  return (
    <>
      <dl className="summary-list metric-facts">
        <div className="summary-list__row">
          <dt>Unit</dt>
          <dd>{metric.unit || 'Not given'}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Polarity</dt>
          <dd>{polarityLabels[metric.polarity]}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Source</dt>
          <dd>
            {metric.source || 'Not given'}
            {metric.fingertipsId ? ` (Fingertips indicator ${metric.fingertipsId})` : ''}
          </dd>
        </div>
        <div className="summary-list__row">
          <dt>Data mapping</dt>
          <dd>
            {dataStatusLabel(mapping?.status ?? null)}
            {mapping?.owner ? `, held by ${mapping.owner}` : ''} · <Link to={paths.dataMapping}>Data mapping</Link>
          </dd>
        </div>
      </dl>
      <AboutIndicator metric={metric} evidence={evidence} importPath={paths.importData} />
      {evidence.observations.length > 0 ? (
        <MarkAvailable
          metrics={[{ metricId: metric.id, name: metric.name }]}
          intro="This metric has data now, but its data mapping says the data are not available."
        />
      ) : null}
      {hasSampleData(evidence.observations) ? <SampleDataNotice /> : null}
      {rows.length === 0 ? (
        <div className="panel">
          <h2>No data yet</h2>
          <p>
            There are no observations for this metric.{' '}
            <Link to={paths.importData}>Import a Fingertips export or your own data</Link>.
          </p>
          {comments}
        </div>
      ) : (
        <>
          <section className="section" aria-labelledby="summary-heading">
            <h2 id="summary-heading">How {areaName} compares</h2>
            <EvidenceStatement
              summary={summary}
              areaName={areaName}
              regionName={region?.name ?? null}
              unit={metric.unit}
            />
            <p className="hint">
              {comparisonMethodExplanation(method.comparison, areaName)} {polarityLabels[metric.polarity]} for this
              metric.
            </p>
          </section>
          <section className="section" aria-labelledby="trend-heading">
            <h2 id="trend-heading">Trend over time</h2>
            <figure className="trend-figure">
              <TrendChart
                rows={rows}
                lines={lines}
                unit={metric.unit}
                title={`${metric.name}: ${lines.map((line) => line.name).join(', ')} over time. ${summary.trend.words}. The table below gives every value.`}
              />
              <figcaption>
                <ChartLegend lines={lines} />
              </figcaption>
            </figure>
            {comments}
            <h3>Data table</h3>
            <EvidenceTable
              rows={rows}
              areaName={areaName}
              regionName={region?.name ?? null}
              unit={metric.unit}
              polarity={metric.polarity}
              caption={`${metric.name} by period`}
              method={method}
            />
          </section>
          <section className="section" aria-labelledby="comparators-heading">
            <h2 id="comparators-heading">Against comparator areas</h2>
            <ComparatorSection
              comparators={evidence.comparators}
              metricName={metric.name}
              unit={metric.unit}
              choosePath={paths.comparators}
            />
          </section>
          <section className="section" aria-labelledby="breakdowns-heading">
            <h2 id="breakdowns-heading">Breakdowns by cohort and locality</h2>
            <BreakdownTables
              observations={evidence.observations}
              areaCode={area?.code ?? partnership.areaCode}
              areaName={areaName}
              unit={metric.unit}
              polarity={metric.polarity}
              method={method}
            />
          </section>
        </>
      )}
    </>
  );
}
