import { describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/waitFor.ts';
import {
  connectPinned,
  pairOnOneDocument,
  providerSynced,
  snapshotOf,
  useCluster,
  waitForConvergence,
  waitForReadiness,
} from './harness.ts';

// A PostgreSQL server of this file's own (initdb + pg_ctl on a random port): the machine's is never stopped.
const cluster = useCluster({ privatePostgres: true, env: { HEARTBEAT_MS: '1000', CATCH_UP_MS: '2000' } });
const roots = { outage: 'map' } as const;

describe('PostgreSQL restarted mid-session', () => {
  it('reports not ready while it is gone; clients keep their edits, and everything converges afterwards', async () => {
    const { a, b, docName, auth, clients } = await pairOnOneDocument(cluster, 'Outage', 'outage');

    await cluster.postgres!.stop();
    for (const instance of [a, b]) {
      const body = await waitForReadiness(instance, false);
      expect(JSON.stringify(body)).toMatch(/postgres/i);
    }
    // Edits while the database is away: nobody may be told of them before they are stored, but no client loses them.
    clients[0]!.doc.getMap('outage').set('during-a', 1);
    clients[1]!.doc.getMap('outage').set('during-b', 2);
    expect(clients[0]!.doc.getMap('outage').get('during-a')).toBe(1);

    await cluster.postgres!.restart();
    await Promise.all([waitForReadiness(a, true), waitForReadiness(b, true)]);
    const converged = await waitForConvergence(clients, { roots, timeoutMs: 20_000 }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n\n${a.describe()}\n\n${b.describe()}`);
    });
    expect(JSON.parse(converged)).toMatchObject({ outage: { before: 1, 'during-a': 1, 'during-b': 2 } });

    // Stored: both instances go down hard, and a new one loads it from the database.
    for (const client of clients) client.destroy();
    a.kill('SIGKILL');
    b.kill('SIGKILL');
    await Promise.all([a.waitForExit(), b.waitForExit()]);
    const c = await cluster.start('C');
    const fresh = connectPinned(c, docName, auth);
    await providerSynced(fresh.provider);
    await waitFor(() => expect(snapshotOf(fresh.doc, roots)).toBe(converged));
  });
});
