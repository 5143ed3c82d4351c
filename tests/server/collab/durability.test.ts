import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../../shared/protocol/closeCodes.ts';
import { readProfile, updateProfileField } from '../../../shared/model/partnershipProfile.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { spawnServer } from '../../helpers/childServer.ts';
import { makeDataDir } from '../../helpers/testServer.ts';
import { ApiClient, testAdmin, testAdminEnv } from '../../helpers/apiClient.ts';

/** A token for the seeded admin, who facilitates the demo partnership `p:demo`. */
async function adminToken(url: string): Promise<{ token: string }> {
  const admin = new ApiClient(url);
  await admin.signIn(testAdmin.email, testAdmin.password);
  return { token: await admin.createToken() };
}
import { waitFor } from '../../helpers/waitFor.ts';

describe('durability', () => {
  it('loses nothing a client received when the server is killed with SIGKILL mid-burst', async () => {
    const dataDir = makeDataDir();
    const first = await spawnServer(dataDir, testAdminEnv);
    const auth = await adminToken(first.url);
    const writer = connectClient(first.wsUrl, 'p:demo', auth);
    const watcher = connectClient(first.wsUrl, 'p:demo', auth);
    await Promise.all([whenSynced(writer), whenSynced(watcher)]);

    // 1,000 separate transactions, so 1,000 separate update messages.
    const burst = writer.doc.getArray<number>('burst');
    for (let i = 0; i < 1000; i++) burst.push([i]);
    await waitFor(() => expect(watcher.doc.getArray('burst').length).toBe(1000), { timeoutMs: 30_000 });

    first.process.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    // Neither client may re-send anything: whatever the next server has, it read from disk.
    writer.destroy();
    watcher.destroy();

    const second = await spawnServer(dataDir, testAdminEnv);
    const fresh = connectClient(second.wsUrl, 'p:demo', auth);
    await whenSynced(fresh);
    expect(fresh.doc.getArray<number>('burst').toArray()).toEqual(Array.from({ length: 1000 }, (_, i) => i));
  });

  it('on SIGTERM closes sockets with 1012, stores everything, and exits cleanly', async () => {
    const dataDir = makeDataDir();
    const first = await spawnServer(dataDir, testAdminEnv);
    const auth = await adminToken(first.url);
    const client = connectClient(first.wsUrl, 'p:demo', auth);
    await whenSynced(client);
    const closeCode = new Promise<number | undefined>((resolve) =>
      client.provider.once('connection-close', (event) => resolve(event?.code)),
    );
    updateProfileField(client.doc, 'name', 'Saved at shutdown');
    const reader = connectClient(first.wsUrl, 'p:demo', auth);
    await waitFor(() => expect(readProfile(reader.doc).name).toBe('Saved at shutdown'));
    reader.destroy();

    first.process.kill('SIGTERM');
    expect(await closeCode).toBe(CloseCode.ServerRestarting);
    expect(await first.exited).toBe(0);
    client.destroy();

    const second = await spawnServer(dataDir, testAdminEnv);
    const fresh = connectClient(second.wsUrl, 'p:demo', auth);
    await whenSynced(fresh);
    expect(readProfile(fresh.doc).name).toBe('Saved at shutdown');
  });
});
