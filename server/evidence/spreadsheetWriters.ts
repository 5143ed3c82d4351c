import Papa from 'papaparse';
import { neutraliseCell } from '../../shared/spreadsheet/formulaInjection.ts';
import { loadExcel } from '../spreadsheets/excel.ts';

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark.
const byteOrderMark = '\uFEFF';

/** Header and rows as text cells, each made safe to open in a spreadsheet (no cell runs as a formula). */
export function safeTable(header: readonly string[], rows: readonly (readonly string[])[]): string[][] {
  return [header.map(neutraliseCell), ...rows.map((row) => row.map(neutraliseCell))];
}

/** A table as CSV: UTF-8 with a byte order mark and CRLF line ends, as Excel expects; formula cells neutralised. */
export function tableToCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return byteOrderMark + Papa.unparse(safeTable(header, rows), { newline: '\r\n' }) + '\r\n';
}

/** One sheet of a workbook: its name, a header, rows, and column widths. */
export interface SheetSpec {
  name: string;
  header: readonly string[];
  rows: readonly (readonly string[])[];
  widths?: readonly number[];
}

/** Sheets as an XLSX workbook: header frozen and bold, every cell text (so nothing is run as a formula). */
export async function sheetsToXlsx(sheets: readonly SheetSpec[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Common Ground';
  for (const spec of sheets) {
    const sheet = workbook.addWorksheet(spec.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = spec.header.map((_, index) => ({ width: spec.widths?.[index] ?? 20 }));
    for (const cells of safeTable(spec.header, spec.rows)) sheet.addRow(cells);
    sheet.getRow(1).font = { bold: true };
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A file download: the body with its media type and a file name the browser saves it as. */
export function download(body: string | Uint8Array<ArrayBuffer>, mediaType: string, fileName: string): Response {
  return new Response(body, {
    headers: {
      'Content-Type': mediaType,
      'Content-Disposition': `attachment; filename="${fileName.replace(/[^\w.-]/g, '_')}"`,
      'Cache-Control': 'no-store',
      // A browser must not sniff a user-written CSV (or any file) into something it would run.
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
