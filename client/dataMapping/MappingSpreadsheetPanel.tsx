import { useRef, useState, type FormEvent } from 'react';
import type { DataMappingImportReport } from '../../shared/schemas/dataMapping.ts';
import { ApiError, messageFor } from '../api/ApiError.ts';
import { evidenceDownloads, importDataMapping } from '../evidence/evidenceApi.ts';
import { importProblemLines, type ImportProblemLine } from '../evidence/importProblems.ts';

/** Download the mapping as a spreadsheet, and import an edited copy back (checked whole, all-or-nothing). */
export function MappingSpreadsheetPanel({ partnershipId, canEdit }: { partnershipId: string; canEdit: boolean }) {
  const downloads = evidenceDownloads(partnershipId);
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<
    | { kind: 'done'; report: DataMappingImportReport }
    | { kind: 'refused'; message: string; problems: ImportProblemLine[] }
    | { kind: 'no-file' }
    | null
  >(null);

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setResult({ kind: 'no-file' });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      setResult({ kind: 'done', report: await importDataMapping(partnershipId, file) });
    } catch (error) {
      setResult({
        kind: 'refused',
        message: messageFor(error),
        problems: error instanceof ApiError ? importProblemLines(error) : [],
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="inline-details mapping-spreadsheet">
      <summary>Work on the mapping in a spreadsheet</summary>
      <p>
        Download it as <a href={downloads.dataMapping('xlsx')}>XLSX</a> or{' '}
        <a href={downloads.dataMapping('csv')}>CSV</a>, edit the Status, Reason, Data owner and Next step columns, and
        import it back. Rows are matched by metric id; metrics the framework does not have are listed, never created. If
        any row has a problem, nothing is changed.
      </p>
      {canEdit ? (
        <form onSubmit={(event) => void handleSubmit(event)} noValidate>
          <div className={result?.kind === 'no-file' ? 'field field--error' : 'field'}>
            <label htmlFor="mapping-file">Data mapping spreadsheet (CSV or XLSX)</label>
            {result?.kind === 'no-file' ? (
              <p className="field-error" id="mapping-file-error">
                <span className="visually-hidden">Error:</span> Choose a file to import
              </p>
            ) : null}
            <input
              ref={input}
              id="mapping-file"
              type="file"
              accept=".csv,.xlsx"
              aria-describedby={result?.kind === 'no-file' ? 'mapping-file-error' : undefined}
            />
          </div>
          <button type="submit" className="button button--secondary" disabled={busy}>
            Import data mapping
          </button>
        </form>
      ) : null}
      {result?.kind === 'done' ? (
        <div className="panel panel--success" role="status">
          <p>
            <strong>
              {result.report.changed} changed, {result.report.unchanged} unchanged.
            </strong>
          </p>
          {result.report.unknownMetrics.length > 0 ? (
            <p>
              Not in this framework, so not imported:{' '}
              {result.report.unknownMetrics.map((unknown) => `row ${unknown.row} (${unknown.metric})`).join(', ')}.
            </p>
          ) : null}
        </div>
      ) : null}
      {result?.kind === 'refused' ? (
        <div className="error-summary" role="alert">
          <h3 className="error-summary__title">The spreadsheet was not imported</h3>
          <p>{result.message}</p>
          <ul className="error-summary__list">
            {result.problems.map((problem) => (
              <li key={problem.key}>
                <strong>{problem.where}:</strong> {problem.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </details>
  );
}
