import type { ReactNode } from 'react';

interface PackTableProps {
  caption: string;
  /** Column headings; the first column's cells head their rows. */
  columns: readonly string[];
  rows: readonly { key: string; cells: readonly ReactNode[] }[];
  /** Hide the caption on screen and paper when the heading above already says it (it is still read out). */
  captionHidden?: boolean;
}

/** A table of the pack: captioned, header cells scoped, each row kept whole on paper. */
export function PackTable({ caption, columns, rows, captionHidden = false }: PackTableProps) {
  return (
    <table className="table board-pack__table">
      <caption className={captionHidden ? 'visually-hidden' : 'board-pack__caption'}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ key, cells }) => (
          <tr key={key}>
            {cells.map((cell, index) =>
              index === 0 ? (
                <th key={index} scope="row">
                  {cell}
                </th>
              ) : (
                <td key={index}>{cell}</td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
