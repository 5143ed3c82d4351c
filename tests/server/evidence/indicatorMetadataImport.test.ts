import { describe, expect, it } from 'vitest';
import { updateMetric } from '../../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { MetricPatch } from '../../../shared/schemas/framework.ts';
import type { IndicatorMetadataImportReport } from '../../../shared/schemas/indicatorMetadata.ts';
import type { CreatedInvitation } from '../../../shared/schemas/partnerships.ts';
import type { MetricEvidence } from '../../../shared/schemas/observations.ts';
import { ApiClient } from '../../helpers/apiClient.ts';
import { evidenceWorld } from './evidenceWorld.ts';
import { buildMetadataRow, metadataCsv } from './metadataFactory.ts';

const importPath = '/indicator-metadata/import/fingertips?fileName=metadata.csv';

/** The Merton world, with the smoking metric (93085) emptied and low birth weight (20101) set by hand. */
async function metadataWorld() {
  const world = await evidenceWorld();
  const metricFor = async (fingertipsId: string) =>
    (await world.metrics()).find((m) => m.fingertipsId === fingertipsId)!;
  const change = (metricId: string, patch: MetricPatch) =>
    world.server.rooms.transact(workspaceDocName(world.partnership.id), (doc) => {
      updateMetric(doc, metricId, patch);
    });
  const smoking = await metricFor('93085');
  const birthWeight = await metricFor('20101');
  await change(smoking.id, { unit: '', definition: '', polarity: 'no-judgement' });
  await change(birthWeight.id, { polarity: 'higher-is-better' });
  const evidenceOf = async (metricId: string) => {
    const response = await fetch(`${world.server.url}${world.base}/evidence/metrics/${metricId}`, {
      headers: { cookie: world.admin.cookie! },
    });
    return { status: response.status, body: (await response.json()) as MetricEvidence };
  };
  return { ...world, metricFor, change, smoking, birthWeight, evidenceOf };
}

const birthWeightRow = buildMetadataRow({
  'Indicator ID': '20101',
  Indicator: 'Low birth weight of term babies',
  Definition: '',
  Unit: '%',
  Polarity: 'RAG - Low is good',
  'Benchmarking method': 'Confidence intervals overlapping reference value (95.0)',
});
const unusedRow = buildMetadataRow({ 'Indicator ID': '99999', Indicator: 'Not in this framework' });

describe('POST /api/partnerships/:id/indicator-metadata/import/fingertips', () => {
  it("writes polarity, unit and definition into metrics whose own are empty, and answers with the metadata's methods", async () => {
    const world = await metadataWorld();
    const { status, body } = await world.upload<IndicatorMetadataImportReport>(
      importPath,
      metadataCsv([buildMetadataRow(), unusedRow]),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body).toMatchObject({ rowsRead: 2, created: 2, changed: 0, unchanged: 0, overrides: [] });
    expect(body.metricsUpdated).toEqual([{ metricId: world.smoking.id, fields: ['polarity', 'unit', 'definition'] }]);
    expect(body.skippedIndicators).toEqual([{ indicatorId: '99999', name: 'Not in this framework' }]);

    const smoking = await world.metricFor('93085');
    expect(smoking.polarity).toBe('lower-is-better');
    expect(smoking.unit).toBe('%');
    expect(smoking.definition).toBe(
      'Number of mothers known to be smokers at the time of delivery as a percentage of all maternities.',
    );

    const evidence = await world.evidenceOf(world.smoking.id);
    expect(evidence.status).toBe(200);
    expect(evidence.body.method).toEqual({
      comparison: 'ci-99.8',
      valueType: 'proportion',
      source: 'fingertips-metadata',
    });
    expect(evidence.body.overrides).toEqual([]);
    expect(evidence.body.metadata).toMatchObject({
      fingertipsId: '93085',
      polarityText: 'RAG - Low is good',
      rationale: 'Smoking in pregnancy has well known detrimental effects for the growth and development of the baby.',
      ciMethod: 'Wilson Score method',
    });
    // A metric without metadata is judged by the defaults.
    const other = await world.metricFor('90319');
    const plain = await world.evidenceOf(other.id);
    expect(plain.body.metadata).toBeNull();
    expect(plain.body.method).toEqual({ comparison: 'ci-95', valueType: 'other', source: 'default' });

    const audit = await world.server.store.db
      .selectFrom('audit_log')
      .select(['action', 'target', 'details'])
      .where('action', '=', 'indicator_metadata.imported')
      .execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target).toBe('metadata.csv');
    expect(JSON.parse(audit[0]!.details)).toEqual({ created: 2, changed: 0, unchanged: 0 });
  });

  it('keeps a hand-set polarity that disagrees as a local override: reported, and in the evidence answer', async () => {
    const world = await metadataWorld();
    const { status, body } = await world.upload<IndicatorMetadataImportReport>(
      importPath,
      metadataCsv([birthWeightRow]),
    );
    expect(status, JSON.stringify(body)).toBe(200);
    expect(body.metricsUpdated).toEqual([]);
    expect(body.overrides).toEqual([
      {
        metricId: world.birthWeight.id,
        field: 'polarity',
        local: 'Higher is better',
        fingertips: 'RAG - Low is good',
        message:
          "Kept local polarity 'Higher is better' for Low birth weight of term babies; Fingertips says 'RAG - Low is good'",
      },
    ]);
    expect((await world.metricFor('20101')).polarity).toBe('higher-is-better');
    const evidence = await world.evidenceOf(world.birthWeight.id);
    expect(evidence.body.overrides).toEqual([
      { field: 'polarity', local: 'Higher is better', fingertips: 'RAG - Low is good' },
    ]);
    expect(evidence.body.method.comparison).toBe('ci-95');
  });

  it('changes nothing when the same file is imported again, and follows Fingertips where the metric did', async () => {
    const world = await metadataWorld();
    const file = metadataCsv([buildMetadataRow(), birthWeightRow]);
    expect((await world.upload(importPath, file)).status).toBe(200);
    const before = await world.metrics();

    const again = await world.upload<IndicatorMetadataImportReport>(importPath, file);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, changed: 0, unchanged: 2, metricsUpdated: [] });
    expect(again.body.overrides.map((o) => [o.metricId, o.field])).toEqual([[world.birthWeight.id, 'polarity']]);
    expect(await world.metrics()).toEqual(before);

    // Fingertips changes the unit: the metric that took the old one follows; a hand-set unit would have stayed.
    const changed = await world.upload<IndicatorMetadataImportReport>(
      importPath,
      metadataCsv([buildMetadataRow({ Unit: 'per 100' }), birthWeightRow]),
    );
    expect(changed.body).toMatchObject({ created: 0, changed: 1, unchanged: 1 });
    expect(changed.body.metricsUpdated).toEqual([{ metricId: world.smoking.id, fields: ['unit'] }]);
    expect((await world.metricFor('93085')).unit).toBe('per 100');
  });

  it('refuses a file with bad rows, naming row and column, and stores nothing', async () => {
    const world = await metadataWorld();
    const { status, body } = await world.upload<{
      error: { code: string; message: string; issues: { path: (string | number)[]; message: string }[] };
    }>(
      importPath,
      metadataCsv([buildMetadataRow(), buildMetadataRow({ 'Indicator ID': '20101', Polarity: 'Up is good' })]),
    );
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_import');
    expect(body.error.message).toBe(
      'The file has a problem, so nothing was imported. Correct the rows listed and try again.',
    );
    expect(body.error.issues.map((issue) => issue.path)).toEqual([[3, 'Polarity']]);
    expect((await world.metricFor('93085')).unit).toBe('');
    expect((await world.evidenceOf(world.smoking.id)).body.metadata).toBeNull();
  });

  it('refuses a viewer (editors import), and keeps non-members out', async () => {
    const world = await metadataWorld();
    const invitation = await world.admin.request<CreatedInvitation>(
      'POST',
      `/api/partnerships/${world.partnership.id}/invitations`,
      { role: 'viewer', organisation: 'Public health' },
    );
    const viewer = new ApiClient(world.server.url);
    const accepted = await viewer.request(
      'POST',
      `/api/invitations/${invitation.body.url.split('/invite/')[1]}/accept`,
      {
        email: 'victor@example.org',
        displayName: 'Victor',
        organisation: 'Public health',
        password: 'long enough passphrase',
      },
    );
    expect(accepted.status).toBe(200);
    const response = await fetch(`${world.server.url}${world.base}${importPath}`, {
      method: 'POST',
      headers: { cookie: viewer.cookie!, 'content-type': 'text/csv' },
      body: metadataCsv([buildMetadataRow()]),
    });
    expect(response.status).toBe(403);
    const anonymous = await fetch(`${world.server.url}${world.base}${importPath}`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: metadataCsv([buildMetadataRow()]),
    });
    expect(anonymous.status).toBe(401);
    expect((await world.metricFor('93085')).unit).toBe('');
  });
});
