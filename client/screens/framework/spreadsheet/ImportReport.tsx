import type { FrameworkImportError } from '../../../../shared/schemas/framework.ts';
import type { FrameworkImportLosses, FrameworkImportResult } from '../../../../shared/schemas/frameworkImport.ts';

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
          <th scope="col">Already there, changed to match</th>
          <th scope="col">Already there, unchanged</th>
          {replacing ? <th scope="col">Taken out (not in the file)</th> : null}
        </tr>
      </thead>
      <tbody>
        {kinds.map(([kind, label]) => {
          const { inFile, added, updated, unchanged, removed } = result.summary[kind];
          return (
            <tr key={kind}>
              <th scope="row">{label}</th>
              <td>{inFile}</td>
              <td>{added}</td>
              <td>{updated}</td>
              <td>{unchanged}</td>
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

const shownPerList = 10;

function LossList<T extends { id: string }>({
  title,
  items,
  describe,
}: {
  title: string;
  items: readonly T[];
  describe: (item: T) => string;
}) {
  if (items.length === 0) return null;
  const more = items.length - shownPerList;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {items.slice(0, shownPerList).map((item) => (
          <li key={item.id}>{describe(item)}</li>
        ))}
        {more > 0 ? <li>…and {more} more</li> : null}
      </ul>
    </>
  );
}

/** How many live items an import takes out of the framework, of every kind. */
export function removedCount(summary: FrameworkImportResult['summary']): number {
  return summary.outcomes.removed + summary.indicators.removed + summary.metrics.removed;
}

/** Whether a replace takes anything with it besides the items themselves. */
export function hasLosses(losses: FrameworkImportLosses | undefined): losses is FrameworkImportLosses {
  return losses !== undefined && Object.values(losses).some((list) => list.length > 0);
}

/**
 * In red, what a replace takes out of sight with the items it deletes: agreed priorities, theory-of-change links,
 * evidence and data mapping. Nothing is destroyed (restoring the items brings it all back), but a board would lose
 * sight of it the moment the import is applied, so it is said before anyone confirms.
 */
export function ImportLosses({ result }: { result: FrameworkImportResult }) {
  const { summary, losses } = result;
  if (result.mode !== 'replace' || removedCount(summary) === 0) return null;
  return (
    <div className="error-summary import-losses" data-testid="import-losses">
      <h3 className="error-summary__title">
        This replace takes {summary.outcomes.removed} outcomes, {summary.indicators.removed} indicators and{' '}
        {summary.metrics.removed} metrics out of the framework
      </h3>
      {hasLosses(losses) ? (
        <>
          <p>With them goes everything attached to them:</p>
          <LossList
            title={`Agreed priorities (${losses.priorities.length})`}
            items={losses.priorities}
            describe={(item) => item.label}
          />
          <LossList
            title={`Theory-of-change links (${losses.links.length})`}
            items={losses.links}
            describe={(item) => `${item.action} → ${item.target}`}
          />
          <LossList
            title={`Evidence (${losses.evidence.length} metrics)`}
            items={losses.evidence}
            describe={(item) => `${item.label}: ${item.observations} observations`}
          />
          <LossList
            title={`Data mapping (${losses.dataMapping.length} metrics)`}
            items={losses.dataMapping}
            describe={(item) => `${item.label}: ${item.status}`}
          />
        </>
      ) : (
        <p>Nothing else is attached to them: no agreed priorities, links, evidence or data mapping.</p>
      )}
      <p>Deleted items can be restored from “Recently deleted”, and what was attached to them comes back with them.</p>
    </div>
  );
}
