import {
  buildFingertipsRow,
  fingertipsCsv,
  type FingertipsRow,
} from '../../tests/server/evidence/fingertipsFactory.ts';
import { fingertipsIdsOfTemplate } from './templateIds.ts';
import { createBenchPartnership, postFile, type EvidenceBenchServer } from './evidenceServer.ts';

/** What one import run measured. */
export interface ImportRun {
  rows: number;
  megabytes: number;
  firstImportMs: number;
  reimportMs: number;
  created: number;
  unchanged: number;
}

// Columns the import did not read before issue 16 (99.8% limits, comparisons) are left empty, as in earlier runs, so
// file sizes stay comparable across reports; the all-areas export (comparatorBench.ts) fills them.
const unreadColumns: Partial<FingertipsRow> = {
  'Parent Name': '',
  'Area Type': '',
  'Lower CI 99.8 limit': '',
  'Upper CI 99.8 limit': '',
  'Recent Trend': '',
  'Compared to England value or percentiles': '',
  'Compared to London region value or percentiles': '',
  'Time period range': '',
};

const areas = [
  ['E09000024', 'Merton', 'E12000007'],
  ['E12000007', 'London region', 'E92000001'],
  ['E92000001', 'England', ''],
] as const;

/**
 * A Fingertips "all data" export of exactly `rows` rows, every one kept by the import (the worst case for writing):
 * the template's indicators × area, region and England × 20 years × the whole population and ward breakdowns.
 */
export function buildExport(rows: number): string {
  const ids = fingertipsIdsOfTemplate();
  const exportRows: FingertipsRow[] = [];
  outer: for (let ward = 0; ; ward++) {
    for (const id of ids) {
      for (const [code, name, parent] of areas) {
        if (ward > 0 && code !== 'E09000024') continue;
        for (let year = 2005; year < 2025; year++) {
          if (exportRows.length === rows) break outer;
          const n = exportRows.length;
          const value = 10 + ((n * 7919) % 400) / 10;
          exportRows.push(
            buildFingertipsRow({
              ...unreadColumns,
              'Indicator ID': id,
              'Indicator Name': `Indicator ${id}, with a comma`,
              'Parent Code': parent,
              'Area Code': code,
              'Area Name': name,
              Sex: 'Persons',
              'Category Type': ward === 0 ? '' : 'Ward',
              Category: ward === 0 ? '' : `Ward ${ward}`,
              'Time period': `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
              Value: value.toFixed(1),
              'Lower CI 95.0 limit': (value - 1.2).toFixed(1),
              'Upper CI 95.0 limit': (value + 1.2).toFixed(1),
              Count: String(100 + (n % 900)),
              Denominator: '2500',
              'Time period Sortable': String(year * 10_000),
            }),
          );
        }
      }
    }
  }
  return fingertipsCsv(exportRows, { byteOrderMark: true });
}

/**
 * Imports the export (`buildExport`) into a fresh partnership, then imports it again (everything unchanged). The
 * export is built once before the server starts: building it takes seconds of this process's CPU, long enough for
 * the in-process server to time out the idle keep-alive connection the next request would reuse (ECONNRESET).
 */
export async function runImport(
  bench: EvidenceBenchServer,
  csv: string,
  rows: number,
  label: string,
): Promise<ImportRun> {
  const partnershipId = await createBenchPartnership(bench, `Import bench ${label}`);
  const url = `/api/partnerships/${partnershipId}/observations/import/fingertips?fileName=bench.csv`;
  let started = performance.now();
  const first = (await postFile(bench, url, csv)) as { created: number };
  const firstImportMs = performance.now() - started;
  started = performance.now();
  const second = (await postFile(bench, url, csv)) as { unchanged: number };
  const reimportMs = performance.now() - started;
  return {
    rows,
    megabytes: Buffer.byteLength(csv) / 1024 / 1024,
    firstImportMs,
    reimportMs,
    created: first.created,
    unchanged: second.unchanged,
  };
}
