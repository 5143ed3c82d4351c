import type { FrameworkImportError } from '../../../../shared/schemas/framework.ts';
import type { FrameworkImportResult } from '../../../../shared/schemas/frameworkImport.ts';

const kinds = [
  ['outcomes', 'Outcomes'],
  ['indicators', 'Indicators'],
  ['metrics', 'Metrics'],
] as const;

/** What an import does (or, checked, would do), kind by kind, as a table. */
export function ImportSummary({ result }: { result: FrameworkImportResult }) {
  const replacing = result.mode === 'replace';
  return (
    <table className="table import-summary" data-testid="import-summary">
      <caption className="visually-hidden">What the import {result.applied ? 'did' : 'will do'}</caption>
      <thead>
        <tr>
          <th scope="col">Items</th>
          <th scope="col">In the file</th>
          <th scope="col">New to the framework</th>
          <th scope="col">Already there (updated to match)</th>
          {replacing ? <th scope="col">Deleted (not in the file)</th> : null}
        </tr>
      </thead>
      <tbody>
        {kinds.map(([kind, label]) => {
          const { inFile, added, removed } = result.summary[kind];
          return (
            <tr key={kind}>
              <th scope="row">{label}</th>
              <td>{inFile}</td>
              <td>{added}</td>
              <td>{inFile - added}</td>
              {replacing ? <td>{removed}</td> : null}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Every problem found in a file, row by row, as the spreadsheet numbers its rows (the header is row 1). */
export function ImportErrors({ errors, message }: { errors: readonly FrameworkImportError[]; message: string }) {
  return (
    <div className="error-summary import-errors" data-testid="import-errors">
      <h3 className="error-summary__title">Nothing was imported</h3>
      <p>{message}</p>
      {errors.length > 0 ? (
        <table className="table">
          <caption className="visually-hidden">Problems in the file, by row</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((error, index) => (
              <tr key={index}>
                <td>{error.row ?? 'Whole file'}</td>
                <td>{error.column ?? '—'}</td>
                <td>{error.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </div>
  );
}
