import { Readable } from 'node:stream';
import Papa from 'papaparse';

/** A problem that stops a file from being read at all, or a row from being read. */
export interface RecordProblem {
  row: number | null;
  message: string;
}

/** Called with each record: its cells and its row number as a spreadsheet counts (the header is row 1). */
export type OnRecord = (cells: string[], rowNumber: number) => void;

// Big enough to keep papaparse busy, small enough that a 50 MB file is never one string in memory.
const chunkBytes = 1024 * 1024;

/** The separator the header line uses: Excel saves CSV with semicolons in some locales, others save tabs. */
function headerDelimiter(firstChunk: string): string {
  const header = firstChunk.slice(0, firstChunk.search(/\r?\n|$/));
  const counts = [',', ';', '\t'].map((delimiter) => ({ delimiter, count: header.split(delimiter).length }));
  return counts.reduce((best, next) => (next.count > best.count ? next : best)).delimiter;
}

/**
 * Reads a UTF-8 CSV record by record, decoding and parsing it a chunk at a time, so that a large file is never held
 * as one string nor as one big table. Accepts a byte order mark, quoted cells with commas and line breaks, and
 * comma, semicolon or tab separators. Blank lines are skipped (row numbers still count them). Resolves with the
 * problem that stopped it, or null: text that is not UTF-8, or a quote left open (a truncated file).
 */
export async function forEachCsvRecord(file: Uint8Array, onRecord: OnRecord): Promise<RecordProblem | null> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let decodeFailed = false;
  function* chunks(): Generator<string> {
    for (let offset = 0; offset < file.byteLength; offset += chunkBytes) {
      const end = Math.min(offset + chunkBytes, file.byteLength);
      try {
        let text = decoder.decode(file.subarray(offset, end), { stream: end < file.byteLength });
        if (offset === 0) text = text.replace(/^\uFEFF/, '');
        if (text.length > 0) yield text;
      } catch {
        decodeFailed = true;
        return;
      }
    }
  }
  const firstText = new TextDecoder('utf-8').decode(file.subarray(0, Math.min(file.byteLength, 64 * 1024)));
  let rowNumber = 0;
  let problem: RecordProblem | null = null;
  await new Promise<void>((resolve) => {
    Papa.parse(Readable.from(chunks()) as unknown as File, {
      delimiter: headerDelimiter(firstText.replace(/^\uFEFF/, '')),
      step: (result, parser) => {
        rowNumber += 1;
        const quoteError = result.errors.find((error) => error.type === 'Quotes');
        if (quoteError) {
          problem = {
            row: rowNumber,
            message: 'A quoted cell is never closed: the file may be cut short or damaged',
          };
          parser.abort();
          return;
        }
        const cells = result.data as string[];
        if (cells.length === 1 && cells[0] === '') return;
        try {
          onRecord(cells, rowNumber);
        } catch (error) {
          problem = { row: rowNumber, message: error instanceof Error ? error.message : String(error) };
          parser.abort();
        }
      },
      complete: () => resolve(),
      error: () => resolve(),
    });
  });
  if (decodeFailed) {
    return {
      row: null,
      message: 'The file is not UTF-8 text: save it from your spreadsheet as "CSV UTF-8" and try again',
    };
  }
  return problem;
}
