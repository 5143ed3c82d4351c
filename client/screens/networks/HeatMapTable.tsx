import { useState } from 'react';
import type { NetworkPlace } from '../../../shared/schemas/networks.ts';
import { pageOfRows, placeStates, type CoreItem } from './commonCoreView.ts';
import { RowPager } from './RowPager.tsx';

/** Rows per page of the table: 50 rows × 150 places is already 7,500 cells. */
const tablePageSize = 50;

const wordByCode = new Map(placeStates.map((entry) => [entry.code, entry]));

interface HeatMapTableProps {
  caption: string;
  places: readonly NetworkPlace[];
  abbreviations: readonly string[];
  rows: readonly CoreItem[];
}

/**
 * The heat map as a table: one row per item, one column per place, each cell's state in words. Given a new `key`
 * when its rows change, so it starts again at its first page.
 */
export function HeatMapTable({ caption, places, abbreviations, rows }: HeatMapTableProps) {
  const [page, setPage] = useState(0);
  const shown = pageOfRows(rows, page, tablePageSize);
  return (
    <>
      <RowPager page={shown} what="the table" onPage={setPage} />
      <div className="table-scroll" tabIndex={0} role="region" aria-label={`${caption} (scrolls sideways)`}>
        <table className="table network-table heat-map-table" data-testid="heat-map-table">
          <caption className="table__caption">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">Item</th>
              {places.map((place, index) => (
                <th key={place.partnershipId} scope="col" className="heat-map-table__place">
                  <abbr title={place.name} aria-hidden="true">
                    {abbreviations[index]}
                  </abbr>
                  <span className="visually-hidden">{place.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => (
              <tr key={row.templateId}>
                <th scope="row">{row.label}</th>
                {places.map((place, index) => {
                  const entry = wordByCode.get(row.states[index] ?? '.') ?? placeStates[4]!;
                  return (
                    <td
                      key={place.partnershipId}
                      className={`heat-map-table__cell heat-map-table__cell--${entry.state}`}
                    >
                      {entry.word}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
