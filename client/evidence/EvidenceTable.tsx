import { compareWithComparator, comparisonMark, type SeriesRow } from '../../shared/model/evidence/index.ts';
import type { Polarity } from '../../shared/schemas/framework.ts';
import { formatInterval, formatObservationValue } from './formatObservation.ts';

interface EvidenceTableProps {
  rows: readonly SeriesRow[];
  areaName: string;
  regionName: string | null;
  unit: string;
  polarity: Polarity;
  caption: string;
}

const none = { value: null, lowerCi: null, upperCi: null };

/** The chart's numbers as a table, period by period, with the comparison with England in words. */
export function EvidenceTable({ rows, areaName, regionName, unit, polarity, caption }: EvidenceTableProps) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table className="table evidence-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">{areaName}</th>
            <th scope="col">95% confidence interval</th>
            {regionName ? <th scope="col">{regionName}</th> : null}
            <th scope="col">England</th>
            <th scope="col">{areaName} compared with England</th>
          </tr>
        </thead>
        <tbody>
          {[...rows].reverse().map((row) => {
            const comparison = row.area
              ? compareWithComparator(row.area, row.england ?? none, polarity, 'England')
              : null;
            return (
              <tr key={row.periodKey}>
                <th scope="row">{row.period}</th>
                <td>{formatObservationValue(row.area, unit)}</td>
                <td>{formatInterval(row.area, unit)}</td>
                {regionName ? <td>{formatObservationValue(row.region, unit)}</td> : null}
                <td>{formatObservationValue(row.england, unit)}</td>
                <td>{comparison ? comparisonMark(comparison) : 'No data'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
