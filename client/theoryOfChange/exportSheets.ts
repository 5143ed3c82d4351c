import Papa from 'papaparse';
import type { SheetCell } from '../../shared/model/theoryOfChange/index.ts';
import { neutraliseCell } from '../../shared/spreadsheet/formulaInjection.ts';

/** A cell made safe to open in a spreadsheet: text that would run as a formula gets a leading apostrophe. */
function neutraliseSheetCell(cell: SheetCell): SheetCell {
  return typeof cell === 'string' ? neutraliseCell(cell) : cell;
}

/** A table as CSV: UTF-8 with a byte order mark and CRLF line ends, as Excel expects; formula cells neutralised. */
export function tableToCsv(table: readonly (readonly SheetCell[])[]): string {
  const safe = table.map((row) => row.map(neutraliseSheetCell));
  return `\uFEFF${Papa.unparse(safe, { newline: '\r\n' })}\r\n`;
}

/** One worksheet of a workbook download. */
export interface Sheet {
  name: string;
  table: readonly (readonly SheetCell[])[];
}

/**
 * An XLSX workbook, one sheet per table, header row bold and frozen. Text goes in as text cells, never formulas;
 * budgets stay numbers so they add up. The spreadsheet library is loaded only when someone asks for a workbook.
 */
export async function tablesToXlsx(sheets: readonly Sheet[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Common Ground';
  for (const { name, table } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = (table[0] ?? []).map(() => ({ width: 28 }));
    for (const row of table) sheet.addRow(row.map(neutraliseSheetCell));
    sheet.getRow(1).font = { bold: true };
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** Saves a file the browser made, under a name, through an ordinary download. */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on the next turn: some browsers read the URL only after the click handler returns.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** A file name with the partnership and today's date, e.g. `demo-offer-2026-11-26.csv`. */
export function datedFilename(partnershipId: string, what: string, extension: string): string {
  return `${partnershipId}-${what}-${new Date().toISOString().slice(0, 10)}.${extension}`;
}
