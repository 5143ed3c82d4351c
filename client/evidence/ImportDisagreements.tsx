import type { ImportDisagreement } from '../../shared/schemas/comparatorAreas.ts';

/**
 * Where the export's own "Compared to England/region" text and our computation differ, as a table: what Fingertips
 * said, what we computed, and why when we can tell. Shown with an import report; the import went ahead.
 */
export function ImportDisagreements({
  disagreements,
  metricName,
}: {
  disagreements: readonly ImportDisagreement[];
  metricName: (id: string) => string;
}) {
  if (disagreements.length === 0) return null;
  return (
    <section aria-labelledby="disagreements-heading" data-testid="import-disagreements">
      <h3 id="disagreements-heading">Where Fingertips’ comparison differs from ours</h3>
      <p>
        The file was imported. In these rows the file’s own “Compared to …” column says something other than what Common
        Ground computed by the metric’s method; the evidence pages show our computation.
      </p>
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Comparison differences">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">Area</th>
              <th scope="col">Period</th>
              <th scope="col">Compared with</th>
              <th scope="col">Fingertips said</th>
              <th scope="col">We computed</th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {disagreements.map((row) => (
              <tr
                key={[row.metricId, row.areaCode, row.period, row.categoryType, row.category, row.comparator].join('|')}
              >
                <th scope="row">
                  {metricName(row.metricId)}
                  {row.categoryType ? ` (${row.categoryType}: ${row.category})` : ''}
                </th>
                <td>{row.areaName}</td>
                <td>{row.period}</td>
                <td>{row.comparatorName}</td>
                <td>{row.fingertipsSaid}</td>
                <td>{row.weComputed}</td>
                <td>{row.why ?? 'Not known: the values or intervals may differ from the ones Fingertips compared'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
