import { describe, expect, it } from 'vitest';
import type {
  EvidenceOverview,
  MetricEvidence,
  ObservationImportReport,
} from '../../../shared/schemas/observations.ts';
import { evidenceWorld } from './evidenceWorld.ts';
import {
  buildFingertipsRow,
  fingertipsCsv,
  fingertipsPeriod,
  shuffledColumns,
  smokingAndWardRows,
} from './fingertipsFactory.ts';

function exportFile() {
  const rows = [
    ...smokingAndWardRows(),
    buildFingertipsRow({ 'Indicator ID': '99999', 'Indicator Name': 'Not in our framework' }),
  ];
  return fingertipsCsv(rows, { columns: shuffledColumns(['Extra, with comma']), byteOrderMark: true });
}

describe('importing observations over HTTP', () => {
  it('imports a Fingertips export, and re-importing it changes nothing', async () => {
    const { upload, admin, base, metrics } = await evidenceWorld();
    const first = await upload<ObservationImportReport>(
      '/observations/import/fingertips?fileName=smoking.csv',
      exportFile(),
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body).toMatchObject({ created: 10, changed: 0, unchanged: 0, otherAreaRows: 3 });
    expect(first.body.batchId).not.toBeNull();
    expect(first.body.skippedIndicators).toEqual([{ indicatorId: '99999', name: 'Not in our framework', rows: 1 }]);
    expect(first.body.areas.map((area) => area.role)).toEqual(['area', 'region', 'england']);

    const again = await upload<ObservationImportReport>('/observations/import/fingertips', exportFile());
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 10, batchId: null });

    const changed = exportFile().replace('"6.8"', '"6.9"').replace(',6.8,', ',6.9,');
    const third = await upload<ObservationImportReport>('/observations/import/fingertips', changed);
    expect(third.body).toMatchObject({ created: 0, changed: 1, unchanged: 9 });

    const smoking = (await metrics()).find((metric) => metric.fingertipsId === '93085')!;
    const evidence = await admin.request<MetricEvidence>('GET', `${base}/evidence/metrics/${smoking.id}`);
    expect(evidence.body.observations).toHaveLength(9);
    const imports = await admin.request<unknown[]>('GET', `${base}/observations/imports`);
    expect(imports.body).toHaveLength(2);
  });

  it('suppresses counts under 5 in the API and in exports: the numbers never leave the server', async () => {
    const { upload, admin, base, metrics, download } = await evidenceWorld();
    await upload('/observations/import/fingertips', exportFile());
    const gld = (await metrics()).find((metric) => metric.fingertipsId === '90631')!;
    const evidence = await admin.request<MetricEvidence>('GET', `${base}/evidence/metrics/${gld.id}`);
    const ward = evidence.body.observations.find((o) => o.category === 'Abbey, north')!;
    expect(ward).toMatchObject({ suppressed: true, value: null, lowerCi: null, upperCi: null, count: null });
    expect(JSON.stringify(evidence.body)).not.toContain('42.9');

    const csv = new TextDecoder().decode((await download('/observations/export?format=csv')).bytes);
    const line = csv.split('\r\n').find((row) => row.includes('Abbey, north'))!;
    expect(line).toContain('suppressed (<5)');
    expect(line).not.toContain('42.9');
    expect(csv).toContain('5.1');
  });

  it('refuses a file with one bad row and stores nothing from it', async () => {
    const { upload, admin, base } = await evidenceWorld();
    const bad = exportFile().replace('"6.2"', '"six"').replace(',6.2,', ',six,');
    const refused = await upload<{ error: { code: string; message: string; issues: { path: unknown[] }[] } }>(
      '/observations/import/fingertips',
      bad,
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/nothing was imported/);
    expect(refused.body.error.issues[0]!.path).toEqual([expect.any(Number), 'Value']);
    const overview = await admin.request<EvidenceOverview>('GET', `${base}/evidence`);
    expect(overview.body.metrics).toEqual([]);
  });

  it('refuses hostile files with a clear error: wrong type, too large, truncated', async () => {
    const { upload, admin, base } = await evidenceWorld();
    const pdf = Uint8Array.from([...new TextEncoder().encode('%PDF-1.7\n'), 0, 1, 2, 3]);
    expect((await upload('/observations/import/fingertips', pdf, 'application/octet-stream')).status).toBe(415);
    const wrongMedia = await upload('/observations/import/fingertips', 'a,b', 'image/png');
    expect(wrongMedia.status).toBe(415);

    const huge = new Uint8Array(50 * 1024 * 1024 + 1).fill(0x41);
    const tooLarge = await upload<{ error: { message: string } }>('/observations/import/fingertips', huge);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.error.message).toMatch(/larger than 50 MB/);

    const file = exportFile();
    const truncated = await upload<{ error: { issues: { message: string }[] } }>(
      '/observations/import/fingertips',
      file.slice(0, Math.floor(file.length * 0.6)),
    );
    expect(truncated.status).toBe(400);
    expect(truncated.body.error.issues[0]!.message).toMatch(/cut short|never closed/);

    const xlsxAsFingertips = await upload('/observations/import/fingertips', Uint8Array.from([0x50, 0x4b, 3, 4, 0, 0]));
    expect(xlsxAsFingertips.status).toBe(415);
    expect((await admin.request<EvidenceOverview>('GET', `${base}/evidence`)).body.metrics).toEqual([]);
  });

  it('stores a formula typed into a name as text, and the export neutralises it', async () => {
    const { upload, download } = await evidenceWorld();
    const rows = fingertipsPeriod('2021/22', '20210000', { area: '5.1', region: '4.6', england: '9.1' }).map((row) =>
      row['Area Code'] === 'E09000024' ? { ...row, 'Area Name': '=HYPERLINK("http://evil.example","Merton")' } : row,
    );
    expect((await upload('/observations/import/fingertips', fingertipsCsv(rows))).status).toBe(200);
    const csv = new TextDecoder().decode((await download('/observations/export?format=csv')).bytes);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Merton"")"`);
    expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
  });
});
