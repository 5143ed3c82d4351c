import { describe, expect, it } from 'vitest';
import { readFramework, readOutcome } from '../../../shared/model/framework/index.ts';
import { FrameworkImportResultSchema, frameworkFileMediaTypes } from '../../../shared/schemas/frameworkImport.ts';
import type { FrameworkFileFormat } from '../../../shared/schemas/frameworkImport.ts';
import { parseFrameworkCsv, frameworkToCsv } from '../../../server/framework/index.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { createPartnership, serverWithAdmin } from '../../helpers/serverWithAdmin.ts';
import { waitFor } from '../../helpers/waitFor.ts';

/** A real server with a partnership made from the default template, and its administrator signed in. */
async function partnershipFromTemplate() {
  const { server, admin } = await serverWithAdmin();
  const body = await createPartnership(admin);
  const call = (path: string, init: RequestInit = {}) =>
    fetch(`${server.url}/api/partnerships/${body.id}${path}`, {
      ...init,
      headers: { cookie: admin.cookie!, ...(init.headers as Record<string, string>) },
    });
  const download = async (format: FrameworkFileFormat) => {
    const response = await call(`/framework.${format}`);
    expect(response.status).toBe(200);
    return new Uint8Array(await response.arrayBuffer());
  };
  const importFile = async (format: FrameworkFileFormat, file: Uint8Array<ArrayBuffer>) => {
    const response = await call('/framework/import', {
      method: 'POST',
      headers: { 'content-type': frameworkFileMediaTypes[format] },
      body: file,
    });
    return { status: response.status, json: (await response.json()) as unknown };
  };
  return { server, admin, partnershipId: body.id, download, importFile };
}

describe('framework import and export through the real API', () => {
  it('round-trips CSV: export → import → export gives the identical file, and the import adds nothing', async () => {
    const { download, importFile } = await partnershipFromTemplate();
    const first = await download('csv');
    const imported = await importFile('csv', first);
    expect(imported.status).toBe(200);
    const result = FrameworkImportResultSchema.parse(imported.json);
    expect(result.summary.outcomes.added).toBe(0);
    expect(result.summary.metrics.added).toBe(0);
    expect(Buffer.from(await download('csv')).equals(Buffer.from(first))).toBe(true);
  });

  it('round-trips XLSX to the same rows', async () => {
    const { download, importFile } = await partnershipFromTemplate();
    const csvBefore = await download('csv');
    const xlsx = await download('xlsx');
    expect(Buffer.from(xlsx.subarray(0, 2)).toString()).toBe('PK');
    expect((await importFile('xlsx', xlsx)).status).toBe(200);
    expect(Buffer.from(await download('csv')).equals(Buffer.from(csvBefore))).toBe(true);
  });

  it('applies an import live: someone with the workspace open sees it without reloading', async () => {
    const { server, admin, partnershipId, download, importFile } = await partnershipFromTemplate();
    const watcher = connectClient(server.wsUrl, `p:${partnershipId}`, {}, { cookie: admin.cookie! });
    await whenSynced(watcher);
    const parsed = parseFrameworkCsv(await download('csv'));
    if (!parsed.ok) throw new Error('export did not parse');
    const [first, ...rest] = parsed.rows;
    const changed = { ...first!, Outcome: 'Children feel safe at home, at school and online' };
    const file = new TextEncoder().encode(frameworkToCsv([changed, ...rest]));
    expect((await importFile('csv', file)).status).toBe(200);
    await waitFor(() => expect(readOutcome(watcher.doc, first!['Outcome id'])?.statement).toBe(changed.Outcome));
  });

  it('leaves the live doc untouched when the file has an error, even on its last row', async () => {
    const { server, admin, partnershipId, download, importFile } = await partnershipFromTemplate();
    const watcher = connectClient(server.wsUrl, `p:${partnershipId}`, {}, { cookie: admin.cookie! });
    await whenSynced(watcher);
    const parsed = parseFrameworkCsv(await download('csv'));
    if (!parsed.ok) throw new Error('export did not parse');
    const rows = parsed.rows.map((row) => ({ ...row, Outcome: `${row.Outcome} (edited)` }));
    rows[rows.length - 1] = { ...rows[rows.length - 1]!, Level: 'Grandparents' };
    const before = await download('csv');
    const { status } = await importFile('csv', new TextEncoder().encode(frameworkToCsv(rows)));
    expect(status).toBe(400);
    expect(Buffer.from(await download('csv')).equals(Buffer.from(before))).toBe(true);
    expect(readFramework(watcher.doc).outcomes.some((outcome) => outcome.statement.endsWith('(edited)'))).toBe(false);
  });
});
