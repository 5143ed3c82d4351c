import { describe, expect, it } from 'vitest';
import type { EvidenceSeries, MetricEvidence, ObservationImportReport } from '../../../shared/schemas/observations.ts';
import { evidenceWorld } from './evidenceWorld.ts';
import { buildFingertipsRow, fingertipsCsv, fingertipsPeriod, type FingertipsRow } from './fingertipsFactory.ts';
import { buildMetadataRow, metadataCsv } from './metadataFactory.ts';

/**
 * Merton's smoking at delivery, 2017/18 to 2021/22: 9.0% in the latest year, its 95% interval 8.2–9.8 (the factory's
 * ±0.8) and its 99.8% interval 7.9–10.6; England 10.4 and London 7.0 every year.
 */
function smokingRows(): FingertipsRow[] {
  return ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'].flatMap((period, index) => {
    const year = 2017 + index;
    const area = 5 + index;
    return fingertipsPeriod(
      period,
      `${year}0000`,
      { area: area.toFixed(1), region: '7.0', england: '10.4' },
      { 'Lower CI 99.8 limit': (area - 1.1).toFixed(1), 'Upper CI 99.8 limit': (area + 1.6).toFixed(1) },
    );
  });
}

async function evidenceOf(world: Awaited<ReturnType<typeof evidenceWorld>>, metricId: string) {
  const response = await fetch(`${world.server.url}${world.base}/evidence/metrics/${metricId}`, {
    headers: { cookie: world.admin.cookie! },
  });
  return { status: response.status, body: (await response.json()) as MetricEvidence };
}

describe('GET …/evidence/metrics/:id judgements', () => {
  it('names, per comparator, the method, the significance level and the judgement', async () => {
    const world = await evidenceWorld();
    const imported = await world.upload<ObservationImportReport>(
      '/observations/import/fingertips?fileName=smoking.csv',
      fingertipsCsv([...smokingRows(), buildFingertipsRow({ 'Area Code': 'E09000002', 'Area Name': 'Barking' })]),
    );
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);
    const smoking = (await world.metrics()).find((metric) => metric.fingertipsId === '93085')!;

    // Without metadata: the default 95% interval. 8.2–9.8 lies wholly below England's 10.4 → lower.
    const before = await evidenceOf(world, smoking.id);
    expect(before.status).toBe(200);
    expect(before.body.judgements.map((j) => [j.role, j.comparatorCode, j.method, j.level, j.direction])).toEqual([
      ['england', 'E92000001', 'ci-95', '95', 'lower'],
      ['region', 'E12000007', 'ci-95', '95', 'higher'],
    ]);

    // With Fingertips' metadata (99.8% interval): 7.9–10.6 contains 10.4 → similar to England; still above London's 7.0.
    const metadata = await world.upload(
      '/indicator-metadata/import/fingertips?fileName=metadata.csv',
      metadataCsv([buildMetadataRow()]),
    );
    expect(metadata.status, JSON.stringify(metadata.body)).toBe(200);
    const after = await evidenceOf(world, smoking.id);
    expect(after.body.method.comparison).toBe('ci-99.8');
    const [england, region] = after.body.judgements;
    expect(england).toMatchObject({
      comparatorName: 'England',
      period: '2021/22',
      method: 'ci-99.8',
      level: '99.8',
      direction: 'similar',
      judgement: 'similar',
      words: 'similar to England (99.8% interval)',
    });
    expect(region).toMatchObject({
      comparatorName: 'London region',
      method: 'ci-99.8',
      level: '99.8',
      direction: 'higher',
    });
    expect(region!.words).toMatch(/than London region \(99\.8% interval\)$/);

    // The several-metrics series (outcome page, evidence list, board pack) carries the same methods.
    const other = (await world.metrics()).find((metric) => metric.fingertipsId === '90319')!;
    const response = await fetch(
      `${world.server.url}${world.base}/evidence/series?metricIds=${smoking.id},${other.id}`,
      { headers: { cookie: world.admin.cookie! } },
    );
    const series = (await response.json()) as EvidenceSeries;
    expect(series.metrics.map((entry) => entry.method?.comparison)).toEqual(['ci-99.8', 'ci-95']);
    expect(series.metrics[0]!.method?.source).toBe('fingertips-metadata');
    expect(series.metrics[1]!.method?.source).toBe('default');
  });
});
