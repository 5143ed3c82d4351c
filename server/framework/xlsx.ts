import { cellText, loadExcel } from '../spreadsheets/excel.ts';
import { frameworkColumns, type FrameworkRow } from '../../shared/schemas/framework.ts';
import { maxFrameworkFileBytes } from './limits.ts';
import { fileError, rowsFromTable, tableFromRows, type FrameworkFileResult } from './table.ts';
import { zipUnpackProblem } from './zipGuard.ts';

/** The name of the worksheet exports write and imports look for first. */
export const frameworkSheetName = 'Framework';

// Wide enough to read the long text columns without making the sheet unwieldy.
const wideColumns = new Set([
  'Outcome',
  'Outcome description',
  'Indicator',
  'Indicator definition',
  'Metric',
  'Metric definition',
]);

/** The framework as an XLSX workbook: one sheet, header frozen, every cell text (so nothing is run as a formula). */
export async function frameworkToXlsx(rows: readonly FrameworkRow[]): Promise<Uint8Array> {
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Common Ground';
  const sheet = workbook.addWorksheet(frameworkSheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = frameworkColumns.map((column) => ({ width: wideColumns.has(column) ? 50 : 20 }));
  for (const cells of tableFromRows(rows)) sheet.addRow(cells);
  sheet.getRow(1).font = { bold: true };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** Reads a framework XLSX (the "Framework" sheet, else the first) into rows, or says why it cannot be read. */
export async function parseFrameworkXlsx(file: Uint8Array): Promise<FrameworkFileResult> {
  if (file.byteLength > maxFrameworkFileBytes) {
    return fileError(`The file is larger than ${maxFrameworkFileBytes / 1024 / 1024} MB`);
  }
  // exceljs unpacks every part of the archive in memory with no limit: measure what it would unpack first.
  const unpackProblem = zipUnpackProblem(file);
  if (unpackProblem) return fileError(unpackProblem);
  const ExcelJS = await loadExcel();
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; at run time it takes Node's Buffer (JSZip reads it).
    await workbook.xlsx.load(Buffer.from(file) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    return fileError('The file is not an XLSX workbook that can be read');
  }
  const sheet = workbook.getWorksheet(frameworkSheetName) ?? workbook.worksheets[0];
  if (!sheet) return fileError('The workbook has no sheets');
  const table: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  }
  return rowsFromTable(table);
}
