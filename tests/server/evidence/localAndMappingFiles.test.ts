import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataMappingImportReport } from '../../../shared/schemas/dataMapping.ts';
import type { MetricEvidence, ObservationImportReport } from '../../../shared/schemas/observations.ts';
import { sampleObservations } from '../../../server/evidence/sampleObservations.ts';
import { evidenceWorld } from './evidenceWorld.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

async function workbook(rows: string[][]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Observations');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('local data template', () => {
  it('offers a blank template, and imports it filled in as CSV or XLSX', async () => {
    const world = await evidenceWorld();
    const template = decode((await world.download('/observations/template?format=csv')).bytes);
    const header = template.replace(/^\uFEFF/, '').split('\r\n')[0]!;
    expect(header).toBe(
      'Metric id,Metric,Area code,Area name,Period,Period sort key,Value,Lower CI (95%),Upper CI (95%),Count,Denominator,Note,Breakdown type,Breakdown',
    );
    const metric = (await world.metrics()).find((m) => m.fingertipsId === null)!;
    const csv = `${header}\r\n${metric.id},,,,2024/25,,71.5,68.2,74.6,412,576,Family hub survey,,\r\n,"${metric.name}",,,2024/25,,64,,,,,"",Ward,Abbey\r\n`;
    const imported = await world.upload<ObservationImportReport>('/observations/import/local?fileName=local.csv', csv);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    expect(imported.body).toMatchObject({ created: 2, changed: 0 });

    const xlsx = await workbook([
      header.split(','),
      [metric.id, '', '', '', '2025/26', '', '73', '70', '76', '420', '575', '', '', ''],
    ]);
    const fromXlsx = await world.upload<ObservationImportReport>(
      '/observations/import/local',
      xlsx,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(fromXlsx.body).toMatchObject({ created: 1 });
    const evidence = await world.admin.request<MetricEvidence>('GET', `${world.base}/evidence/metrics/${metric.id}`);
    expect(evidence.body.observations.map((o) => [o.period, o.categoryType, o.value])).toEqual([
      ['2024/25', '', 71.5],
      ['2024/25', 'Ward', 64],
      ['2025/26', '', 73],
    ]);
    expect(evidence.body.areas).toEqual([{ code: 'E09000024', name: 'Merton', role: 'area' }]);
  });

  it('refuses unknown metrics and foreign areas row by row, storing nothing', async () => {
    const world = await evidenceWorld();
    const csv =
      'Metric,Area code,Period,Value\r\nNo such metric,,2024/25,1\r\n' +
      'Smoking status at time of delivery,E09000001,2024/25,2\r\n';
    const refused = await world.upload<{ error: { issues: { path: unknown[]; message: string }[] } }>(
      '/observations/import/local',
      csv,
    );
    expect(refused.status).toBe(400);
    const paths = refused.body.error.issues.map((issue) => issue.path);
    expect(paths).toContainEqual([2, 'Metric']);
    expect(paths).toContainEqual([3, 'Area code']);
    expect((await world.admin.request<{ metrics: unknown[] }>('GET', `${world.base}/evidence`)).body.metrics).toEqual(
      [],
    );
  });

  it('refuses a damaged workbook', async () => {
    const world = await evidenceWorld();
    const xlsx = await workbook([['Metric', 'Period', 'Value']]);
    const cut = xlsx.subarray(0, Math.floor(xlsx.byteLength / 2));
    const refused = await world.upload<{ error: { issues: { message: string }[] } }>('/observations/import/local', cut);
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]!.message).toMatch(/XLSX workbook that can be read/);
  });
});

describe('data mapping spreadsheet over HTTP', () => {
  for (const format of ['csv', 'xlsx'] as const) {
    it(`round-trips as ${format.toUpperCase()}: export, import, export again is identical`, async () => {
      const world = await evidenceWorld();
      const first = await world.download(`/data-mapping/export?format=${format}`);
      expect(first.status).toBe(200);
      const type = format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      const imported = await world.upload<DataMappingImportReport>('/data-mapping/import', first.bytes, type);
      expect(imported.status, JSON.stringify(imported.body)).toBe(200);
      expect(imported.body.changed).toBe(0);
      expect(imported.body.unchanged).toBeGreaterThan(35);
      const second = await world.download(`/data-mapping/export?format=${format}`);
      if (format === 'csv') expect(decode(second.bytes)).toBe(decode(first.bytes));
      else expect(await sheetValues(second.bytes)).toEqual(await sheetValues(first.bytes));
    });
  }

  it("applies a council's edited copy and neutralises formulas on the way out", async () => {
    const world = await evidenceWorld();
    const csv = decode((await world.download('/data-mapping/export?format=csv')).bytes);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    const header = lines[0]!.split(',');
    const cells = lines[1]!.split(',');
    const metricId = cells[0]!;
    const row = header.map((column) =>
      column === 'Metric id'
        ? metricId
        : column === 'Status'
          ? 'Not accessible'
          : column === 'Data owner'
            ? '=HYPERLINK("http://evil.example","NHS")'
            : '',
    );
    const edited = `${header.join(',')}\r\n${row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')}\r\n"unknown-id",,,,,,,Available,,,,,\r\n`;
    const imported = await world.upload<DataMappingImportReport>('/data-mapping/import', edited);
    expect(imported.body).toEqual({ changed: 1, unchanged: 0, unknownMetrics: [{ row: 3, metric: 'unknown-id' }] });
    const after = decode((await world.download('/data-mapping/export?format=csv')).bytes);
    expect(after).toContain(`"'=HYPERLINK(""http://evil.example"",""NHS"")"`);
    expect(after).toContain('Not accessible');
  });
});

describe('sample observations for the demo', () => {
  it('are the same every time and cover area, London and England with a suppressed ward', () => {
    const metrics = new Map([['90631', ['gld']]]);
    const first = sampleObservations('E09000024', 'Demo area', metrics);
    expect(sampleObservations('E09000024', 'Demo area', metrics)).toEqual(first);
    expect(new Set(first.map((o) => o.areaCode))).toEqual(new Set(['E09000024', 'E12000007', 'E92000001']));
    expect(first.some((o) => o.categoryType === 'Ward' && o.count !== null && o.count < 5)).toBe(true);
    expect(first.every((o) => o.source === 'sample')).toBe(true);
  });
});

async function sheetValues(bytes: Uint8Array): Promise<unknown[]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof book.xlsx.load>[0]);
  const values: unknown[] = [];
  book.worksheets[0]!.eachRow((row) => values.push(row.values));
  return values;
}
