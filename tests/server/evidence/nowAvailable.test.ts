import { describe, expect, it } from 'vitest';
import { updateDataMapping } from '../../../shared/model/dataMapping/index.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { ObservationImportReport } from '../../../shared/schemas/observations.ts';
import { evidenceWorld } from './evidenceWorld.ts';
import { fingertipsCsv, smokingAndWardRows } from './fingertipsFactory.ts';

describe('an import brings data for a metric mapped as missing or not accessible', () => {
  it('asks, in the report, whether to mark it available, and only for those metrics', async () => {
    const { server, partnership, upload, metrics } = await evidenceWorld();
    const all = await metrics();
    const smoking = all.find((metric) => metric.fingertipsId === '93085')!;
    const readiness = all.find((metric) => metric.fingertipsId === '90631');
    const other = all.find((metric) => metric.id !== smoking.id && metric.id !== readiness?.id)!;
    await server.rooms.transact(workspaceDocName(partnership.id), (doc) => {
      const stamp = { by: 'Fran (Council)', on: '2026-12-01' };
      updateDataMapping(doc, smoking.id, { status: 'not-accessible' }, stamp);
      // A metric marked missing that gets no rows from the file is not asked about.
      updateDataMapping(doc, other.id, { status: 'missing' }, stamp);
    });
    const report = await upload<ObservationImportReport>(
      '/observations/import/fingertips?fileName=smoking.csv',
      fingertipsCsv(smokingAndWardRows()),
    );
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.nowAvailable).toEqual([
      { metricId: smoking.id, name: 'Smoking at time of delivery', status: 'not-accessible' },
    ]);
  });
});
