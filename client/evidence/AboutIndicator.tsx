import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { polarityLabels } from '../../shared/model/framework/index.ts';
import {
  applyFingertipsValue,
  comparisonMethodWords,
  metadataOverrides,
  valueTypeWords,
} from '../../shared/model/indicatorMetadata/index.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type { MetadataMetricField } from '../../shared/schemas/indicatorMetadata.ts';
import type { MetricEvidence } from '../../shared/schemas/observations.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';

const fieldLabels: Readonly<Record<MetadataMetricField, string>> = {
  polarity: 'Polarity',
  unit: 'Unit',
  definition: 'Definition',
};

/**
 * "About this indicator": what Fingertips says about the metric's indicator and the methods its evidence is judged
 * by. Overrides are worked out from the live metric, so using the Fingertips value clears its mark at once.
 */
export function AboutIndicator({
  metric,
  evidence,
  importPath,
}: {
  metric: Metric;
  evidence: Pick<MetricEvidence, 'metadata' | 'method'>;
  importPath: string;
}) {
  const { doc, canEdit } = useWorkspaceDoc();
  const [announcement, setAnnouncement] = useState('');
  const { metadata, method } = evidence;
  const overrides = metadataOverrides(metric, metadata);
  const overrideOf = (field: MetadataMetricField) => overrides.find((override) => override.field === field) ?? null;

  const handleUseFingertips = (field: MetadataMetricField) => {
    if (!doc || !metadata) return;
    if (applyFingertipsValue(doc, metric.id, metadata, field)) {
      setAnnouncement(`${fieldLabels[field]} set to the Fingertips value.`);
    }
  };

  const withOverride = (field: MetadataMetricField, shown: ReactNode) => {
    const override = overrideOf(field);
    if (!override) return shown;
    return (
      <>
        {shown}
        <span className="about-indicator__override">
          <span className="tag tag--orange">Local override</span> Fingertips says: {override.fingertips || 'nothing'}
        </span>
        {canEdit && doc ? (
          <>
            {' '}
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => handleUseFingertips(field)}
            >
              Use the Fingertips value<span className="visually-hidden"> for {fieldLabels[field].toLowerCase()}</span>
            </button>
          </>
        ) : null}
      </>
    );
  };

  return (
    <section className="section about-indicator" aria-labelledby="about-indicator-heading">
      <h2 id="about-indicator-heading">About this indicator</h2>
      {!metadata ? (
        <p>
          {metric.fingertipsId
            ? `No Fingertips metadata has been imported for indicator ${metric.fingertipsId} yet. `
            : 'This metric has no Fingertips id, so it has no Fingertips metadata. '}
          Its evidence is compared by the default method: {comparisonMethodWords[method.comparison].toLowerCase()}.
          {metric.fingertipsId ? (
            <>
              {' '}
              <Link to={importPath}>Import the indicator metadata</Link>.
            </>
          ) : null}
        </p>
      ) : (
        <dl className="summary-list">
          <Row label="Definition">
            {withOverride('definition', metric.definition || metadata.definition || 'Not given')}
          </Row>
          {metadata.rationale ? <Row label="Rationale">{metadata.rationale}</Row> : null}
          <Row label="Source">{metadata.dataSource || 'Not given'}</Row>
          <Row label="Value type">
            {metadata.valueTypeText || (metadata.valueType ? valueTypeWords[metadata.valueType] : 'Not given')}
          </Row>
          <Row label="Unit">{withOverride('unit', metric.unit || 'Not given')}</Row>
          <Row label="Polarity">{withOverride('polarity', polarityLabels[metric.polarity])}</Row>
          <Row label="Compared by">{comparisonMethodWords[method.comparison]}</Row>
          {metadata.ciMethod ? <Row label="Confidence intervals">{metadata.ciMethod}</Row> : null}
          {metadata.frequency ? <Row label="Frequency">{metadata.frequency}</Row> : null}
        </dl>
      )}
      {metadata ? (
        <p className="hint">
          From the Fingertips metadata for indicator {metadata.fingertipsId}, imported{' '}
          {new Date(metadata.importedAt).toLocaleDateString('en-GB', { dateStyle: 'medium' })}. Polarity, unit and
          definition follow Fingertips unless someone set their own: a local override is kept and marked here.
        </p>
      ) : null}
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </section>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="summary-list__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
