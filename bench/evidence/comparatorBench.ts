import { readMetrics } from '../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import {
  buildFingertipsRow,
  fingertipsCsv,
  type FingertipsRow,
} from '../../tests/server/evidence/fingertipsFactory.ts';
import { londonBoroughs } from '../../tests/server/evidence/londonFactory.ts';
import { createBenchPartnership, postFile, type EvidenceBenchServer } from './evidenceServer.ts';
import { fingertipsIdsOfTemplate } from './templateIds.ts';
import { timeVisits } from './pageVisits.ts';

/** Merton's ten comparator areas in the bench: London boroughs around it (any ten serve; these are its neighbours). */
export const benchComparatorCodes = [
  'E09000029', // Sutton
  'E09000021', // Kingston upon Thames
  'E09000032', // Wandsworth
  'E09000022', // Lambeth
  'E09000008', // Croydon
  'E09000027', // Richmond upon Thames
  'E09000028', // Southwark
  'E09000006', // Bromley
  'E09000018', // Hounslow
  'E09000023', // Lewisham
];

/** What one import of an all-areas export measured. */
export interface AllAreasImportRun {
  rows: number;
  /** Rows the import kept: Merton, London, England and the ten comparator areas. */
  kept: number;
  megabytes: number;
  firstImportMs: number;
  reimportMs: number;
}

/** What opening a metric page with ten comparator areas measured. */
export interface ComparatorRenderRun {
  years: number;
  comparators: number;
  coldMs: number;
  warmMs: number[];
}

const allAreas = [
  ...londonBoroughs.map((borough) => ({ ...borough, type: 'London borough', parent: 'E12000007' })),
  { code: 'E12000007', name: 'London region', type: 'Region', parent: 'E92000001' },
  { code: 'E92000001', name: 'England', type: 'England', parent: '' },
];

function periodOf(year: number): string {
  return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
}

function areaRow(
  id: string,
  area: (typeof allAreas)[number],
  year: number,
  n: number,
  breakdown: string,
): FingertipsRow {
  const value = 10 + ((n * 7919) % 400) / 10;
  return buildFingertipsRow({
    'Indicator ID': id,
    'Indicator Name': `Indicator ${id}, with a comma`,
    'Parent Code': area.parent,
    'Parent Name': area.parent === '' ? '' : area.parent === 'E92000001' ? 'England' : 'London region',
    'Area Code': area.code,
    'Area Name': area.name,
    'Area Type': area.type,
    Sex: 'Persons',
    'Category Type': breakdown === '' ? '' : 'LSOA11 deprivation deciles',
    Category: breakdown,
    'Time period': periodOf(year),
    'Time period Sortable': String(year * 10_000),
    Value: value.toFixed(1),
    'Lower CI 95.0 limit': (value - 1.2).toFixed(1),
    'Upper CI 95.0 limit': (value + 1.2).toFixed(1),
    'Lower CI 99.8 limit': (value - 2).toFixed(1),
    'Upper CI 99.8 limit': (value + 2).toFixed(1),
    Count: String(100 + (n % 900)),
    Denominator: '2500',
    'Compared to England value or percentiles': n % 3 === 0 ? 'Better 95%' : n % 3 === 1 ? 'Similar' : 'Worse 99.8%',
    'Compared to London region value or percentiles': 'Similar',
  });
}

/**
 * A Fingertips "all data" export of exactly `rows` rows for every London borough, London and England: the template's
 * indicators × 35 areas × 20 years × the whole population and deprivation deciles. The import keeps 13 of the 35
 * areas (Merton, London, England, ten comparators), ranks every row for quintiles and checks the file's own
 * comparisons: the case issue 16 measures.
 */
export function buildAllAreasExport(rows: number): { csv: string; kept: number } {
  const ids = fingertipsIdsOfTemplate();
  const keptCodes = new Set(['E09000024', 'E12000007', 'E92000001', ...benchComparatorCodes]);
  const exportRows: FingertipsRow[] = [];
  let kept = 0;
  outer: for (let decile = 0; ; decile++) {
    const breakdown = decile === 0 ? '' : `Decile ${decile}`;
    for (const id of ids) {
      for (const area of allAreas) {
        for (let year = 2005; year < 2025; year++) {
          if (exportRows.length === rows) break outer;
          if (keptCodes.has(area.code)) kept += 1;
          exportRows.push(areaRow(id, area, year, exportRows.length, breakdown));
        }
      }
    }
  }
  return { csv: fingertipsCsv(exportRows, { byteOrderMark: true }), kept };
}

/** Chooses the partnership's comparator areas through the API, as the screen does. */
export async function putComparatorAreas(
  bench: EvidenceBenchServer,
  partnershipId: string,
  areaCodes: readonly string[],
): Promise<void> {
  const response = await fetch(`${bench.server.url}/api/partnerships/${partnershipId}/comparator-areas`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: bench.cookie },
    body: JSON.stringify({ areaCodes }),
  });
  if (!response.ok) throw new Error(`choosing comparator areas failed: ${response.status} ${await response.text()}`);
}

/** Imports an all-areas export into a fresh partnership with ten comparator areas, then again (all unchanged). */
export async function runAllAreasImport(
  bench: EvidenceBenchServer,
  file: { csv: string; kept: number },
  rows: number,
  label: string,
): Promise<AllAreasImportRun> {
  const partnershipId = await createBenchPartnership(bench, `All areas bench ${label}`);
  await putComparatorAreas(bench, partnershipId, benchComparatorCodes);
  const url = `/api/partnerships/${partnershipId}/observations/import/fingertips?fileName=all-areas.csv`;
  let started = performance.now();
  const first = (await postFile(bench, url, file.csv)) as { created: number };
  const firstImportMs = performance.now() - started;
  started = performance.now();
  await postFile(bench, url, file.csv);
  const reimportMs = performance.now() - started;
  if (first.created === 0) throw new Error('the all-areas import kept nothing');
  return { rows, kept: file.kept, megabytes: Buffer.byteLength(file.csv) / 1024 / 1024, firstImportMs, reimportMs };
}

/**
 * Opens the metric page of smoking at delivery with `years` years for every London borough imported and ten
 * comparator areas chosen, in headless Chromium: the time from navigation start until the comparison in words, the
 * trend chart, the comparator dot chart (the place's dot) and the comparator table's ten rows are on screen.
 */
export async function runComparatorRender(
  bench: EvidenceBenchServer,
  years: number,
  visits: number,
): Promise<ComparatorRenderRun> {
  const partnershipId = await createBenchPartnership(bench, 'Comparator render bench');
  await putComparatorAreas(bench, partnershipId, benchComparatorCodes);
  let metricId = '';
  await bench.server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
    metricId = readMetrics(doc).metrics.find((metric) => metric.fingertipsId === '93085')!.id;
  });
  const rows: FingertipsRow[] = [];
  for (let index = 0; index < years; index++) {
    for (const area of allAreas) {
      rows.push(areaRow('93085', area, 2025 - years + index, rows.length, ''));
    }
  }
  await postFile(
    bench,
    `/api/partnerships/${partnershipId}/observations/import/fingertips?fileName=render.csv`,
    fingertipsCsv(rows),
  );

  const url = `${bench.server.url}/p/${partnershipId}/evidence/metrics/${metricId}`;
  const { coldMs, warmMs } = await timeVisits(bench, url, visits, async (page) => {
    await page.getByTestId('evidence-statement').waitFor();
    await page.locator('svg.trend-chart [data-series="england"] path').first().waitFor();
    await page.locator('svg.comparator-chart [data-place]').waitFor();
    await page.locator('table.comparator-table tbody tr').nth(benchComparatorCodes.length).waitFor();
  });
  return { years, comparators: benchComparatorCodes.length, coldMs, warmMs };
}
