import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { IndicatorMetadataImportReport } from '../../../shared/schemas/indicatorMetadata.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { importIndicatorMetadata } from '../../evidence/evidenceApi.ts';
import { importProblemLines, type ImportProblemLine } from '../../evidence/importProblems.ts';
import { FieldError } from '../../forms/FieldError.tsx';
import { ImportProblemsPanel } from './ImportReportPanel.tsx';

type Outcome =
  | { kind: 'done'; report: IndicatorMetadataImportReport }
  | { kind: 'refused'; message: string; problems: ImportProblemLine[] }
  | null;

const fieldWords = { polarity: 'polarity', unit: 'unit', definition: 'definition' } as const;

interface Props {
  partnershipId: string;
  canEdit: boolean;
  metricName: (id: string) => string;
  metricPath: (id: string) => string;
}

/** The indicator metadata import: polarity, unit and definition from Fingertips, with local overrides kept. */
export function IndicatorMetadataImportSection({ partnershipId, canEdit, metricName, metricPath }: Props) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError('Choose a file to import');
      input.current?.focus();
      return;
    }
    setError(null);
    setBusy(true);
    setOutcome(null);
    try {
      setOutcome({ kind: 'done', report: await importIndicatorMetadata(partnershipId, file) });
    } catch (failure) {
      const problems = failure instanceof ApiError ? importProblemLines(failure) : [];
      setOutcome({ kind: 'refused', message: messageFor(failure), problems });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="section" aria-labelledby="metadata-heading">
      <h2 id="metadata-heading">Indicator metadata (Fingertips)</h2>
      <p>
        Metrics with a Fingertips id take their polarity, unit and definition from the metadata where their own is empty
        or was imported from Fingertips before. A value someone set by hand that differs is kept as a{' '}
        <strong>local override</strong>, listed here and marked on the metric’s evidence page. The value type and the
        comparison method (95% or 99.8% intervals, both, or quintiles) come only from the metadata.
      </p>
      {outcome?.kind === 'done' ? (
        <MetadataReport report={outcome.report} metricName={metricName} metricPath={metricPath} />
      ) : null}
      {outcome?.kind === 'refused' ? (
        <ImportProblemsPanel message={outcome.message} problems={outcome.problems} />
      ) : null}
      <form
        className="card import-form"
        onSubmit={(event) => void handleSubmit(event)}
        noValidate
        aria-labelledby="metadata-form-title"
      >
        <h3 id="metadata-form-title">Fingertips indicator metadata</h3>
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor="metadata-file">File</label>
          <div className="hint" id="metadata-hint">
            In Fingertips, open your profile’s Download tab and get the indicator definitions (metadata) as CSV. A
            “Benchmarking method” column, where you add one, sets each indicator’s comparison method.
          </div>
          <FieldError id="metadata-error" message={error} />
          <input
            ref={input}
            id="metadata-file"
            name="metadata-file"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={`metadata-hint${error ? ' metadata-error' : ''}`}
            aria-invalid={error ? true : undefined}
            disabled={!canEdit || busy}
          />
        </div>
        <button type="submit" className="button" disabled={!canEdit || busy}>
          {busy ? 'Importing…' : 'Import indicator metadata'}
        </button>
      </form>
    </section>
  );
}

function MetadataReport({
  report,
  metricName,
  metricPath,
}: {
  report: IndicatorMetadataImportReport;
  metricName: (id: string) => string;
  metricPath: (id: string) => string;
}) {
  const nothingChanged = report.created + report.changed === 0 && report.metricsUpdated.length === 0;
  return (
    <div className="panel panel--success" role="status" data-testid="metadata-report">
      <h3>{nothingChanged ? 'Nothing changed' : 'Imported'}</h3>
      <p>
        <strong>
          {report.created} new, {report.changed} changed, {report.unchanged} unchanged
        </strong>{' '}
        indicators from {report.rowsRead.toLocaleString('en-GB')} rows read.
      </p>
      {report.metricsUpdated.length > 0 ? (
        <>
          <p>Metrics that took values from Fingertips:</p>
          <ul>
            {report.metricsUpdated.map((entry) => (
              <li key={entry.metricId}>
                <Link to={metricPath(entry.metricId)}>{metricName(entry.metricId)}</Link>:{' '}
                {entry.fields.map((field) => fieldWords[field]).join(', ')}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.overrides.length > 0 ? (
        <>
          <p>Local overrides kept (the metric’s evidence page offers the Fingertips value):</p>
          <ul>
            {report.overrides.map((override) => (
              <li key={`${override.metricId}:${override.field}`}>
                <Link to={metricPath(override.metricId)}>{override.message}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.skippedIndicators.length > 0 ? (
        <p>
          {report.skippedIndicators.length} indicators in the file are not used by any metric in your framework; their
          metadata is kept for when one is.
        </p>
      ) : null}
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
    </div>
  );
}
