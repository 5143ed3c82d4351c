import { useCallback, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { ObservationImportReport } from '../../../shared/schemas/observations.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { useApiData } from '../../api/useApiData.ts';
import { evidenceDownloads, fetchImports, importObservations } from '../../evidence/evidenceApi.ts';
import { importProblemLines, type ImportProblemLine } from '../../evidence/importProblems.ts';
import { evidencePaths } from '../../evidence/paths.ts';
import { FieldError } from '../../forms/FieldError.tsx';
import { useFramework } from '../../needsAssessment/useFramework.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { IndicatorMetadataImportSection } from './IndicatorMetadataImportSection.tsx';
import { ImportProblemsPanel, ImportReportPanel } from './ImportReportPanel.tsx';

type Outcome =
  | { kind: 'done'; report: ObservationImportReport }
  | { kind: 'refused'; message: string; problems: ImportProblemLine[] }
  | null;

/** Bring data in: an OHID Fingertips "all data" export, or local data in our template; and what was imported before. */
export function ImportObservationsScreen() {
  const { partnership } = usePartnership();
  const { doc, canEdit, readOnlyReason } = useWorkspaceDoc();
  const framework = useFramework(doc);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const loadImports = useCallback((signal: AbortSignal) => fetchImports(partnership.id, signal), [partnership.id]);
  const imports = useApiData(loadImports);
  const downloads = evidenceDownloads(partnership.id);
  const metricName = (id: string) => framework?.metrics.find((metric) => metric.id === id)?.name ?? id;

  const handleImport = async (kind: 'fingertips' | 'local', file: File) => {
    setBusy(true);
    setOutcome(null);
    try {
      const report = await importObservations(partnership.id, kind, file);
      setOutcome({ kind: 'done', report });
      imports.reload();
    } catch (error) {
      const problems = error instanceof ApiError ? importProblemLines(error) : [];
      setOutcome({ kind: 'refused', message: messageFor(error), problems });
    } finally {
      setBusy(false);
    }
  };

  return (
    <PartnershipPage title="Import data">
      <p className="back-link-wrapper">
        <Link className="back-link" to={evidencePaths(partnership.id).evidence}>
          All evidence
        </Link>
      </p>
      <p className="lead">
        Every import is checked whole first: if any row has a problem, nothing is imported and each problem is listed.
        Importing the same file again changes nothing.
      </p>
      {outcome?.kind === 'done' ? (
        <ImportReportPanel
          report={outcome.report}
          metricName={metricName}
          metricPath={evidencePaths(partnership.id).metric}
        />
      ) : null}
      {outcome?.kind === 'refused' ? (
        <ImportProblemsPanel message={outcome.message} problems={outcome.problems} />
      ) : null}
      {!canEdit ? <p className="notice notice--info">{readOnlyReason}</p> : null}
      <div className="import-forms">
        <ImportForm
          id="fingertips"
          title="OHID Fingertips export"
          hint="In Fingertips, choose your profile and area type, then Download → “All data” (CSV). Rows for indicators in your framework are matched by their Fingertips id; your area, its region, England and your comparator areas are kept."
          accept=".csv,text/csv"
          disabled={!canEdit || busy}
          onImport={(file) => handleImport('fingertips', file)}
        />
        <ImportForm
          id="local"
          title="Your own data"
          hint={
            <>
              Use the template: one row per metric, area, period and breakdown. Download the blank template as{' '}
              <a href={downloads.template('xlsx')}>XLSX (with guidance)</a> or{' '}
              <a href={downloads.template('csv')}>CSV</a>.
            </>
          }
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          disabled={!canEdit || busy}
          onImport={(file) => handleImport('local', file)}
        />
      </div>
      <IndicatorMetadataImportSection
        partnershipId={partnership.id}
        canEdit={canEdit}
        metricName={metricName}
        metricPath={evidencePaths(partnership.id).metric}
      />
      <section className="section" aria-labelledby="history-heading">
        <h2 id="history-heading">Previous imports</h2>
        <p>
          Download all observations as <a href={downloads.observations('csv')}>CSV</a> or{' '}
          <a href={downloads.observations('xlsx')}>XLSX</a>. Counts under 5 are shown as “suppressed (&lt;5)”.
        </p>
        {imports.status === 'ready' && imports.data.length > 0 ? (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">File</th>
                <th scope="col">Imported</th>
                <th scope="col">By</th>
                <th scope="col">New</th>
                <th scope="col">Changed</th>
              </tr>
            </thead>
            <tbody>
              {imports.data.map((batch) => (
                <tr key={batch.id}>
                  <th scope="row">{batch.fileName}</th>
                  <td>
                    {new Date(batch.importedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}
                  </td>
                  <td>{batch.importedBy ?? (batch.source === 'sample' ? 'Demo set-up' : 'Unknown')}</td>
                  <td>{batch.created}</td>
                  <td>{batch.changed}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>{imports.status === 'ready' ? 'Nothing has been imported yet.' : 'Loading…'}</p>
        )}
      </section>
    </PartnershipPage>
  );
}

interface ImportFormProps {
  id: string;
  title: string;
  hint: ReactNode;
  accept: string;
  disabled: boolean;
  onImport: (file: File) => Promise<void>;
}

function ImportForm({ id, title, hint, accept, disabled, onImport }: ImportFormProps) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError('Choose a file to import');
      input.current?.focus();
      return;
    }
    setError(null);
    void onImport(file);
  };
  return (
    <form className="card import-form" onSubmit={handleSubmit} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <div className={error ? 'field field--error' : 'field'}>
        <label htmlFor={`${id}-file`}>File</label>
        <div className="hint" id={`${id}-hint`}>
          {hint}
        </div>
        <FieldError id={`${id}-error`} message={error} />
        <input
          ref={input}
          id={`${id}-file`}
          name={`${id}-file`}
          type="file"
          accept={accept}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
          aria-invalid={error ? true : undefined}
          disabled={disabled}
        />
      </div>
      <button type="submit" className="button" disabled={disabled}>
        Import {title === 'OHID Fingertips export' ? 'Fingertips export' : 'local data'}
      </button>
    </form>
  );
}
