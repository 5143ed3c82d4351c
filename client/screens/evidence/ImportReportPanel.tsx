import { Link } from 'react-router';
import type { ObservationImportReport } from '../../../shared/schemas/observations.ts';
import { ImportDisagreements } from '../../evidence/ImportDisagreements.tsx';
import { MarkAvailable } from '../../evidence/MarkAvailable.tsx';
import type { ImportProblemLine } from '../../evidence/importProblems.ts';

/** What an import did, in words: "12 new, 0 changed, 30 unchanged", skipped indicators and notes. */
export function ImportReportPanel({
  report,
  metricName,
  metricPath,
}: {
  report: ObservationImportReport;
  metricName: (id: string) => string;
  metricPath: (id: string) => string;
}) {
  const nothingChanged = report.created + report.changed === 0;
  return (
    <div className="panel panel--success" role="status" data-testid="import-report">
      <h2>{nothingChanged ? 'Nothing changed' : 'Imported'}</h2>
      <p>
        <strong>
          {report.created} new, {report.changed} changed, {report.unchanged} unchanged
        </strong>{' '}
        from {report.rowsRead.toLocaleString('en-GB')} rows read.
        {nothingChanged && report.unchanged > 0
          ? ' The file had been imported before: everything was already up to date.'
          : ''}
      </p>
      {report.metrics.length > 0 ? (
        <>
          <p>Metrics with data from this file:</p>
          <ul>
            {report.metrics.map((m) => (
              <li key={m.metricId}>
                <Link to={metricPath(m.metricId)}>{metricName(m.metricId)}</Link> ({m.rows} rows)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.otherAreaRows > 0 ? (
        <p>
          {report.otherAreaRows.toLocaleString('en-GB')} rows for other areas were left out: only your area, your
          region, England and your comparator areas are kept.
        </p>
      ) : null}
      {report.skippedIndicators.length > 0 ? (
        <>
          <p>
            These Fingertips indicators are not in your framework, so their rows were skipped (nothing was created):
          </p>
          <ul>
            {report.skippedIndicators.map((indicator) => (
              <li key={indicator.indicatorId}>
                {indicator.indicatorId} {indicator.name} ({indicator.rows} rows)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {report.notes.map((note) => (
        <p key={note}>{note}</p>
      ))}
      <ImportDisagreements disagreements={report.disagreements} metricName={metricName} />
      <MarkAvailable
        metrics={report.nowAvailable}
        intro="This file has data for metrics the data mapping says are missing or not accessible. Mark them available?"
      />
    </div>
  );
}

/** A refused import: what was wrong, row by row, and that nothing was imported. */
export function ImportProblemsPanel({
  message,
  problems,
}: {
  message: string;
  problems: readonly ImportProblemLine[];
}) {
  return (
    <div className="error-summary" role="alert" tabIndex={-1} data-testid="import-problems">
      <h2 className="error-summary__title">The file was not imported</h2>
      <p>{message}</p>
      {problems.length > 0 ? (
        <ul className="error-summary__list import-problems">
          {problems.map((problem) => (
            <li key={problem.key}>
              <strong>{problem.where}:</strong> {problem.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
