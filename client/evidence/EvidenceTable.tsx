import { compareByMethod, comparisonMethodWords, type SeriesRow } from '../../shared/model/evidence/index.ts';
import { methodComparisonMark, tierMark, type MethodComparison } from '../../shared/model/evidence/index.ts';
import { defaultEvidenceMethod, type EvidenceMethod } from '../../shared/schemas/evidenceMethods.ts';
import type { Polarity } from '../../shared/schemas/framework.ts';
import { formatInterval, formatInterval998, formatObservationValue } from './formatObservation.ts';

interface EvidenceTableProps {
  rows: readonly SeriesRow[];
  areaName: string;
  regionName: string | null;
  unit: string;
  polarity: Polarity;
  caption: string;
  /** How the metric is compared (its indicator metadata's method, else the default 95% interval). */
  method?: EvidenceMethod;
}

const none = { value: null, lowerCi: null, upperCi: null };

/** A comparison for a table cell: the mark, or both tiers' marks in text ("95%: Worse; 99.8%: Similar"). */
function comparisonCell(comparison: MethodComparison | null): string {
  if (!comparison) return 'No data';
  if (comparison.tiers.length > 1) return comparison.tiers.map(tierMark).join('; ');
  return methodComparisonMark(comparison);
}

/** The chart's numbers as a table, period by period, with the comparison with England in words. */
export function EvidenceTable({
  rows,
  areaName,
  regionName,
  unit,
  polarity,
  caption,
  method = defaultEvidenceMethod,
}: EvidenceTableProps) {
  const wide = method.comparison === 'ci-99.8' || method.comparison === 'ci-95-and-99.8';
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table evidence-table">
        <caption className="visually-hidden">
          {caption}. {comparisonMethodWords(method.comparison, 'England')}.
        </caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">{areaName}</th>
            <th scope="col">95% confidence interval</th>
            {wide ? <th scope="col">99.8% confidence interval</th> : null}
            {regionName ? <th scope="col">{regionName}</th> : null}
            <th scope="col">England</th>
            <th scope="col">{areaName} compared with England</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((row) => {
            const comparison = row.area
              ? compareByMethod(row.area, row.england ?? none, {
                  method: method.comparison,
                  polarity,
                  comparatorName: 'England',
                  comparatorIsEngland: true,
                })
              : null;
            return (
              <tr key={row.periodKey}>
                <th scope="row">{row.period}</th>
                <td>{formatObservationValue(row.area, unit)}</td>
                <td>{formatInterval(row.area, unit)}</td>
                {wide ? <td>{formatInterval998(row.area, unit)}</td> : null}
                {regionName ? <td>{formatObservationValue(row.region, unit)}</td> : null}
                <td>{formatObservationValue(row.england, unit)}</td>
                <td>{comparisonCell(comparison)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
