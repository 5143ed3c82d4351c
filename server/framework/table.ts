import {
  frameworkColumns,
  type FrameworkColumn,
  type FrameworkImportError,
  type FrameworkRow,
} from '../../shared/schemas/framework.ts';
import { maxFrameworkImportRows } from '../../shared/model/framework/index.ts';
import { neutraliseCell, restoreCell } from '../../shared/spreadsheet/formulaInjection.ts';

/** Spreadsheet rows read from a file, or why the file cannot be read. */
export type FrameworkFileResult = { ok: true; rows: FrameworkRow[] } | { ok: false; errors: FrameworkImportError[] };

/** Columns a file must have to be taken for a framework sheet; the others default to empty. */
export const requiredFrameworkColumns: readonly FrameworkColumn[] = [
  'Domain',
  'Level',
  'Outcome',
  'Indicator',
  'Metric',
];

const byLowerCaseName = new Map(frameworkColumns.map((column) => [column.toLowerCase(), column]));

/** One error about the whole file. */
export function fileError(message: string): FrameworkFileResult {
  return { ok: false, errors: [{ row: null, column: null, message }] };
}

/** The framework rows as a table of cells, header first, each cell made safe to open in a spreadsheet. */
export function tableFromRows(rows: readonly FrameworkRow[]): string[][] {
  return [[...frameworkColumns], ...rows.map((row) => frameworkColumns.map((column) => neutraliseCell(row[column])))];
}

/**
 * Reads a table of cells (header first) into framework rows. Columns are matched by header name, ignoring case and
 * order; unknown columns are ignored. Blank rows are kept so that row numbers in errors match the spreadsheet.
 */
export function rowsFromTable(table: readonly (readonly string[])[]): FrameworkFileResult {
  const [header, ...body] = table;
  if (!header || header.every((cell) => cell.trim() === ''))
    return fileError('The file is empty: it has no header row');
  if (body.length > maxFrameworkImportRows) return fileError(`The file has more than ${maxFrameworkImportRows} rows`);

  const errors: FrameworkImportError[] = [];
  const positions = new Map<FrameworkColumn, number>();
  header.forEach((cell, index) => {
    const column = byLowerCaseName.get(
      cell
        .replace(/^\uFEFF/, '')
        .trim()
        .toLowerCase(),
    );
    if (!column) return;
    if (positions.has(column)) errors.push({ row: 1, column, message: `The column ${column} appears twice` });
    positions.set(column, index);
  });
  for (const column of requiredFrameworkColumns) {
    if (!positions.has(column)) errors.push({ row: 1, column, message: `The column ${column} is missing` });
  }
  if (errors.length > 0) return { ok: false, errors };

  const rows = body.map((cells) => {
    const row = {} as FrameworkRow;
    for (const column of frameworkColumns) {
      const index = positions.get(column);
      row[column] = index === undefined ? '' : restoreCell(cells[index] ?? '');
    }
    return row;
  });
  return { ok: true, rows };
}
