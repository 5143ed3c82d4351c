import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { frameworkToRows, readFramework } from '../../../shared/model/framework/index.ts';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import {
  FrameworkImportResultSchema,
  frameworkFileMediaTypes,
  issueToImportError,
} from '../../../shared/schemas/frameworkImport.ts';
import { frameworkToCsv } from '../../../server/framework/index.ts';
import { maxFrameworkFileBytes } from '../../../server/framework/limits.ts';
import { buildRow, seedFramework } from '../../shared/model/framework/factories.ts';
import { buildWorld, type ActorName, type World } from './world.ts';

/** A valid framework CSV with a few outcomes, indicators and metrics. */
function frameworkCsv(): string {
  const doc = new Y.Doc();
  seedFramework(doc);
  return frameworkToCsv(frameworkToRows(readFramework(doc)));
}

async function upload(
  world: World,
  actor: ActorName,
  body: string | Uint8Array<ArrayBuffer>,
  { query = '', mediaType = frameworkFileMediaTypes.csv } = {},
) {
  const response = await world.app.request(`/api/partnerships/${world.alphaId}/framework/import${query}`, {
    method: 'POST',
    headers: { ...world.actors[actor].headers, 'content-type': mediaType, host: 'localhost' },
    body,
  });
  return { status: response.status, json: (await response.json()) as unknown };
}

async function exportCsv(world: World, actor: ActorName = 'editor') {
  const response = await world.app.request(`/api/partnerships/${world.alphaId}/framework.csv`, {
    headers: { ...world.actors[actor].headers, host: 'localhost' },
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

describe('framework export and import routes', () => {
  it('lets a commenter download the framework as a named CSV attachment', async () => {
    const world = await buildWorld();
    expect((await upload(world, 'editor', frameworkCsv())).status).toBe(200);
    const { status, headers, text } = await exportCsv(world, 'commenter');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toContain('text/csv');
    expect(headers.get('content-disposition')).toMatch(
      /^attachment; filename="Alpha-outcomes-framework-\d{4}-\d{2}-\d{2}\.csv"/,
    );
    expect(text.split('\r\n')[0]).toContain('Domain,Level,Outcome id');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(1 + 5);
  });

  it('refuses a viewer’s import before reading the file, and changes nothing', async () => {
    const world = await buildWorld();
    const { status, json } = await upload(world, 'viewer', frameworkCsv());
    expect(status).toBe(403);
    expect(ApiErrorSchema.parse(json).error.code).toBe('forbidden');
    expect((await exportCsv(world)).text.split('\r\n').filter(Boolean)).toHaveLength(1);
  });

  it('rejects a file with errors row by row and leaves the framework exactly as it was', async () => {
    const world = await buildWorld();
    await upload(world, 'editor', frameworkCsv());
    const before = await exportCsv(world);

    const rows = [buildRow(), buildRow({ Domain: 'Sporty' }), buildRow({ Polarity: 'up', 'Fingertips id': 'x1' })];
    const broken = frameworkToCsv(rows);
    const { status, json } = await upload(world, 'editor', broken);
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(json).error;
    expect(error.code).toBe('invalid_import');
    const reported = (error.issues ?? []).map(issueToImportError);
    expect(reported.map(({ row, column }) => [row, column])).toEqual([
      [3, 'Domain'],
      [4, 'Polarity'],
      [4, 'Fingertips id'],
    ]);
    expect(reported[0]?.message).toContain('"Sporty" is not one of');
    expect((await exportCsv(world)).text).toBe(before.text);
  });

  it('previews an import with dryRun=true without applying it', async () => {
    const world = await buildWorld();
    const { status, json } = await upload(world, 'editor', frameworkCsv(), { query: '?dryRun=true' });
    expect(status).toBe(200);
    expect(FrameworkImportResultSchema.parse(json)).toEqual({
      applied: false,
      mode: 'merge',
      rows: 5,
      summary: {
        outcomes: { inFile: 3, added: 3, updated: 0, unchanged: 0, removed: 0 },
        indicators: { inFile: 2, added: 2, updated: 0, unchanged: 0, removed: 0 },
        metrics: { inFile: 3, added: 3, updated: 0, unchanged: 0, removed: 0 },
      },
    });
    expect((await exportCsv(world)).text.split('\r\n').filter(Boolean)).toHaveLength(1);
    expect((await world.store.audit.forPartnership(world.alphaId)).map((entry) => entry.action)).not.toContain(
      'framework.imported',
    );
  });

  it('applies a valid import and records it in the audit log', async () => {
    const world = await buildWorld();
    const { status, json } = await upload(world, 'editor', frameworkCsv());
    expect(status).toBe(200);
    expect(FrameworkImportResultSchema.parse(json)).toMatchObject({ applied: true, rows: 5 });
    const entry = (await world.store.audit.forPartnership(world.alphaId))[0];
    expect(entry).toMatchObject({ action: 'framework.imported', actorName: 'editor' });
    expect(entry?.details).toMatchObject({ format: 'CSV', rows: 5, outcomes: '3 in the file, 3 new, 0 changed' });
  });

  it('refuses a file over the size limit with 413 and a message saying so', async () => {
    const world = await buildWorld();
    const { status, json } = await upload(world, 'editor', 'x'.repeat(maxFrameworkFileBytes + 1));
    expect(status).toBe(413);
    expect(ApiErrorSchema.parse(json).error.message).toContain('larger than 5 MB');
  });

  it('refuses a body that is not a CSV or XLSX upload with 415, and an empty one with 400', async () => {
    const world = await buildWorld();
    expect((await upload(world, 'editor', '{}', { mediaType: 'application/json' })).status).toBe(415);
    const empty = await upload(world, 'editor', '');
    expect(empty.status).toBe(400);
    expect(ApiErrorSchema.parse(empty.json).error.code).toBe('empty_file');
  });

  it('documents the import as a CSV or XLSX upload in the API description', async () => {
    const world = await buildWorld();
    const response = await world.app.request('/api/openapi.json');
    const description = (await response.json()) as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>>;
    };
    const upload = description.paths['/api/partnerships/{id}/framework/import']?.post?.requestBody;
    expect(Object.keys(upload?.content ?? {})).toEqual([frameworkFileMediaTypes.csv, frameworkFileMediaTypes.xlsx]);
  });

  it('reports an XLSX upload that is not a workbook as a problem with the file', async () => {
    const world = await buildWorld();
    const { status, json } = await upload(world, 'editor', new TextEncoder().encode('not a zip'), {
      mediaType: frameworkFileMediaTypes.xlsx,
    });
    expect(status).toBe(400);
    const error = ApiErrorSchema.parse(json).error;
    expect(error.issues?.map(issueToImportError)).toEqual([
      { row: null, column: null, message: 'The file is not an XLSX workbook that can be read' },
    ]);
  });
});
