import { domainLabel } from '../../../shared/model/framework/domains.ts';
import type { CoreItem, CoreSort, CoreSortColumn } from './commonCoreView.ts';

const columns: readonly { column: CoreSortColumn; label: string; numeric: boolean }[] = [
  { column: 'label', label: 'Item', numeric: false },
  { column: 'asIs', label: 'As is', numeric: true },
  { column: 'changed', label: 'Changed', numeric: true },
  { column: 'dropped', label: 'Dropped', numeric: true },
  { column: 'pending', label: 'Not decided', numeric: true },
];

interface CoreItemsTableProps {
  caption: string;
  items: readonly CoreItem[];
  sort: CoreSort;
  onSort: (column: CoreSortColumn) => void;
}

/** How many places hold each item as is, changed, dropped or undecided; each column heading is a sort button. */
export function CoreItemsTable({ caption, items, sort, onSort }: CoreItemsTableProps) {
  return (
    <div className="table-scroll">
      <table className="table network-table" data-testid="core-items-table">
        <caption className="table__caption">{caption}</caption>
        <thead>
          <tr>
            {columns.map(({ column, label, numeric }) => {
              const sorted = sort.column === column ? sort.direction : undefined;
              return (
                <th
                  key={column}
                  scope="col"
                  aria-sort={sorted ?? 'none'}
                  className={numeric ? 'network-table__number' : undefined}
                >
                  <button type="button" className="sort-button" onClick={() => onSort(column)}>
                    {label}
                    <span aria-hidden="true" className="sort-button__arrow">
                      {sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ' ⇅'}
                    </span>
                    <span className="visually-hidden">
                      {sorted === 'ascending'
                        ? ', sorted lowest first'
                        : sorted === 'descending'
                          ? ', sorted highest first'
                          : ', sort by this column'}
                    </span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.templateId} data-testid="core-item-row">
              <th scope="row" className="table__name">
                {item.label}
                {item.domain ? <span className="table__secondary">{domainLabel(item.domain)}</span> : null}
              </th>
              <td className="network-table__number" data-testid="core-item-as-is">
                {item.asIs}
              </td>
              <td className="network-table__number" data-testid="core-item-changed">
                {item.changed}
              </td>
              <td className="network-table__number" data-testid="core-item-dropped">
                {item.dropped}
              </td>
              <td className="network-table__number" data-testid="core-item-pending">
                {item.pending}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
