import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { cellText, loadExcel } from '../spreadsheets/excel.ts';
import type { OnRecord, RecordProblem } from './csvRecords.ts';

/**
 * Reads the first worksheet of an XLSX workbook row by row with exceljs' streaming reader, so a large workbook is
 * never loaded whole (later sheets, such as the template's guidance, are skipped). Resolves with the problem that
 * stopped it, or null.
 */
export async function forEachXlsxRecord(file: Uint8Array, onRecord: OnRecord): Promise<RecordProblem | null> {
  const ExcelJS = await loadExcel();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(file)), {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'emit',
  });
  let read = false;
  try {
    for await (const worksheet of reader) {
      const sheet = worksheet as unknown as AsyncIterable<ExcelJS.Row>;
      if (read) {
        // Drain the other sheets: the reader moves on only once each is consumed.
        for await (const row of sheet) void row;
        continue;
      }
      read = true;
      for await (const row of sheet) {
        const values = Array.isArray(row.values) ? row.values.slice(1) : [];
        const cells = Array.from({ length: values.length }, (_, index) => cellText(values[index]));
        if (cells.every((cell) => cell.trim() === '')) continue;
        try {
          onRecord(cells, row.number);
        } catch (error) {
          return { row: row.number, message: error instanceof Error ? error.message : String(error) };
        }
      }
    }
  } catch {
    return { row: null, message: 'The file is not an XLSX workbook that can be read: it may be damaged or cut short' };
  }
  if (!read) return { row: null, message: 'The workbook has no sheet to read' };
  return null;
}
