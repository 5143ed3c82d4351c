import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import { connectClient, whenSynced, type TestClient } from '../../helpers/collabClient.ts';
import { startTestServer } from '../../helpers/testServer.ts';
import { waitFor } from '../../helpers/waitFor.ts';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

function heapUsed(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

describe('room lifecycle', () => {
  it('loads a document once for clients that join at the same moment', async () => {
    const server = await startTestServer();
    const seed = connectClient(server.wsUrl, 'p:shared');
    await whenSynced(seed);
    updateProfileField(seed.doc, 'name', 'Loaded once');
    seed.destroy();
    await waitFor(() => expect(server.rooms.loadedCount).toBe(0));

    const clients = Array.from({ length: 20 }, () => connectClient(server.wsUrl, 'p:shared'));
    await Promise.all(clients.map(whenSynced));
    expect(server.rooms.loadedCount).toBe(1);
    for (const client of clients) expect(readProfile(client.doc).name).toBe('Loaded once');
  });

  it('unloads rooms after 200 clients leave, and memory returns near its baseline', async () => {
    const server = await startTestServer({ limits: { roomGraceMs: 20 } });
    // Warm up code paths so the baseline includes compiled code and module state.
    const warm = connectClient(server.wsUrl, 'p:warm');
    await whenSynced(warm);
    warm.destroy();
    await waitFor(() => expect(server.rooms.loadedCount).toBe(0));
    const baseline = heapUsed();

    const clients: TestClient[] = Array.from({ length: 200 }, (_, i) =>
      connectClient(server.wsUrl, `p:room-${i % 20}`, { name: `P${i}` }),
    );
    await Promise.all(clients.map(whenSynced));
    clients.forEach((client, i) => client.doc.getText('notes').insert(0, `note ${i} `.repeat(50)));
    expect(server.rooms.loadedCount).toBe(20);
    await waitFor(() => expect(server.collab.connectionCount).toBe(200));
    const loaded = heapUsed();

    for (const client of clients) client.destroy();
    await waitFor(() => expect(server.collab.connectionCount).toBe(0));
    await waitFor(() => expect(server.rooms.loadedCount).toBe(0));
    const after = heapUsed();

    // Every room's edits were stored on the way out.
    const check = connectClient(server.wsUrl, 'p:room-3');
    await whenSynced(check);
    expect(check.doc.getText('notes').toString()).toContain('note 3 ');
    check.destroy();

    const grownWhileLoaded = loaded - baseline;
    const retained = after - baseline;
    expect(grownWhileLoaded).toBeGreaterThan(0);
    // The clients live in this process too, so allow some slack for allocator noise (seen: ~1.5 MB).
    expect(retained).toBeLessThan(4 * 1024 * 1024);
  });
});
