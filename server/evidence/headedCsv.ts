import { matchColumns, recordReader, type ColumnSpec } from './columns.ts';
import { forEachCsvRecord } from './csvRecords.ts';
import type { ProblemList } from './importProblems.ts';

/** How a file whose first record is its header is read (see `readHeadedCsv`). */
export interface HeadedCsvOptions<K extends string> {
  specs: readonly ColumnSpec<K>[];
  /** Where every problem goes: the imports check a whole file and refuse it if any is found. */
  problems: ProblemList;
  /** The refusal when the header does not match, e.g. "This does not look like … : <problems>". */
  notThisFile: (problems: readonly string[]) => string;
  /** Rows whose every cell is empty are passed over (not counted, not checked). */
  skipBlankRows?: boolean;
  /** The header as found, for a column `specs` cannot name (one whose name carries the region's name). */
  onHeader?: (header: readonly string[]) => void;
  onRow: (cell: (key: K) => string, row: number, cells: readonly string[]) => void;
}

/**
 * Reads a CSV whose first record is its header, for the imports that check a whole file before writing anything:
 * the header is matched by `specs` (a mismatch is a problem of row 1 and stops the reading), each later record
 * reaches `onRow` with a reader by column key, a record shorter than the header is a problem of its row (a file cut
 * short), and a file that stops early or has no header at all is a problem of the file. Returns how many rows were
 * read and whether there was a header.
 */
export async function readHeadedCsv<K extends string>(
  file: Uint8Array,
  options: HeadedCsvOptions<K>,
): Promise<{ rowsRead: number; hasHeader: boolean }> {
  const { problems } = options;
  let positions: Map<K, number> | null = null;
  let headerLength = 0;
  let rowsRead = 0;
  const stopped = await forEachCsvRecord(file, (cells, row) => {
    if (!positions) {
      const matched = matchColumns(cells, options.specs);
      if (!matched.ok) {
        const refusal = options.notThisFile(matched.problems);
        problems.add(1, null, refusal);
        throw new Error(refusal);
      }
      positions = matched.positions;
      headerLength = cells.length;
      options.onHeader?.(cells);
      return;
    }
    if (options.skipBlankRows && cells.every((cell) => cell.trim() === '')) return;
    rowsRead += 1;
    if (cells.length < headerLength) {
      problems.add(
        row,
        null,
        `The row has ${cells.length} cells but the header has ${headerLength}: the file may be cut short`,
      );
      return;
    }
    options.onRow(recordReader(positions, cells), row, cells);
  });
  if (stopped && problems.isEmpty) problems.add(stopped.row, null, stopped.message);
  if (!positions && problems.isEmpty) problems.add(null, null, 'The file is empty: it has no header row');
  return { rowsRead, hasHeader: positions !== null };
}
