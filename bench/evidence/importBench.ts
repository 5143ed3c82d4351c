import Papa from 'papaparse';
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

const header = [
  'Indicator ID',
  'Indicator Name',
  'Parent Code',
  'Parent Name',
  'Area Code',
  'Area Name',
  'Area Type',
  'Sex',
  'Age',
  'Category Type',
  'Category',
  'Time period',
  'Value',
  'Lower CI 95.0 limit',
  'Upper CI 95.0 limit',
  'Lower CI 99.8 limit',
  'Upper CI 99.8 limit',
  'Count',
  'Denominator',
  'Value note',
  'Recent Trend',
  'Compared to England value or percentiles',
  'Compared to London region value or percentiles',
  'Time period Sortable',
  'New data',
  'Compared to goal',
];

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
  const table: string[][] = [header];
  let n = 0;
  outer: for (let ward = 0; ; ward++) {
    for (const id of ids) {
      for (const [code, name, parent] of areas) {
        if (ward > 0 && code !== 'E09000024') continue;
        for (let year = 2005; year < 2025; year++) {
          if (n === rows) break outer;
          const value = 10 + ((n * 7919) % 400) / 10;
          table.push([
            id,
            `Indicator ${id}, with a comma`,
            parent,
            '',
            code,
            name,
            '',
            'Persons',
            'All ages',
            ward === 0 ? '' : 'Ward',
            ward === 0 ? '' : `Ward ${ward}`,
            `${year}/${String((year + 1) % 100).padStart(2, '0')}`,
            value.toFixed(1),
            (value - 1.2).toFixed(1),
            (value + 1.2).toFixed(1),
            '',
            '',
            String(100 + (n % 900)),
            '2500',
            '',
            '',
            '',
            '',
            String(year * 10_000),
            '',
            '',
          ]);
          n += 1;
        }
      }
    }
  }
  return `\uFEFF${Papa.unparse(table, { newline: '\r\n' })}\r\n`;
}

/** Imports the export into a fresh partnership, then imports it again (everything unchanged). */
export async function runImport(bench: EvidenceBenchServer, rows: number, label: string): Promise<ImportRun> {
  const csv = buildExport(rows);
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
