import Papa from 'papaparse';
import type { FrameworkRow } from '../../shared/schemas/framework.ts';
import { maxFrameworkFileBytes } from './limits.ts';
import { fileError, rowsFromTable, tableFromRows, type FrameworkFileResult } from './table.ts';

// Excel opens a CSV as UTF-8 only when it starts with a byte order mark; without it, accents and curly quotes break.
const byteOrderMark = '\uFEFF';

/** The framework as CSV (UTF-8 with a byte order mark, CRLF line ends, as Excel expects), formula cells neutralised. */
export function frameworkToCsv(rows: readonly FrameworkRow[]): string {
  return byteOrderMark + Papa.unparse(tableFromRows(rows), { newline: '\r\n' }) + '\r\n';
}

/**
 * The separator the header row uses. Guessing from the whole file (as papaparse does) can be misled by text full of
 * tabs or semicolons; the header holds only column names.
 */
function headerDelimiter(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/** Reads a framework CSV (UTF-8; comma, semicolon or tab separated) into rows, or says why it cannot be read. */
export function parseFrameworkCsv(file: string | Uint8Array): FrameworkFileResult {
  const size = typeof file === 'string' ? Buffer.byteLength(file) : file.byteLength;
  if (size > maxFrameworkFileBytes)
    return fileError(`The file is larger than ${maxFrameworkFileBytes / 1024 / 1024} MB`);
  let text: string;
  try {
    text = typeof file === 'string' ? file : new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    return fileError('The file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8" and try again');
  }
  const body = text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { header: false, skipEmptyLines: false, delimiter: headerDelimiter(body) });
  const broken = parsed.errors.filter((error) => error.type === 'Quotes');
  if (broken.length > 0) {
    return {
      ok: false,
      errors: broken.map((error) => ({ row: (error.row ?? 0) + 1, column: null, message: error.message })),
    };
  }
  // A file ending in a line break yields one last empty record; it is not a row of the sheet.
  const table = parsed.data.filter(
    (cells, index) => index < parsed.data.length - 1 || cells.some((cell) => cell !== ''),
  );
  return rowsFromTable(table);
}
