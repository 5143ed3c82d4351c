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

// A Redis of this file's own on a random port: the machine's shared Redis is never stopped.
const cluster = useCluster({ privateRedis: true, env: { HEARTBEAT_MS: '1000', CATCH_UP_MS: '2000' } });
const roots = { outage: 'map' } as const;

describe('Redis restarted mid-session', () => {
  it('reports not ready while Redis is gone, and edits made meanwhile on both sides converge after it returns', async () => {
    const { a, b, docName, auth, clients } = await pairOnOneDocument(cluster, 'Outage', 'outage');

    await cluster.redis!.stop();
    for (const instance of [a, b]) {
      const body = await waitForReadiness(instance, false);
      expect(JSON.stringify(body)).toMatch(/redis/i);
    }
    // Both sides keep working on their own instance while Redis is away.
    clients[0]!.doc.getMap('outage').set('during-a', 1);
    clients[1]!.doc.getMap('outage').set('during-b', 2);
    expect((await fetch(`${a.url}/healthz`)).status).toBe(200);

    await cluster.redis!.restart();
    const returned = performance.now();
    await Promise.all([waitForReadiness(a, true), waitForReadiness(b, true)]);
    const converged = await waitForConvergence(clients, { roots, timeoutMs: 10_000 });
    console.log(`redis restart: converged ${(performance.now() - returned).toFixed(0)} ms after Redis returned`);
    expect(JSON.parse(converged)).toMatchObject({ outage: { before: 1, 'during-a': 1, 'during-b': 2 } });

    // And it is stored: a fresh client on either instance loads it.
    for (const instance of [a, b]) {
      const fresh = connectPinned(instance, docName, auth);
      await providerSynced(fresh.provider);
      await waitFor(() => expect(snapshotOf(fresh.doc, roots)).toBe(converged));
      fresh.destroy();
    }
  });

  it('starts an instance while Redis is down live but not ready, and it becomes ready by itself', async () => {
    await cluster.redis!.stop();
    try {
      const c = await cluster.start('C');
      expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
      expect(JSON.stringify(await waitForReadiness(c, false))).toMatch(/redis/i);
      await cluster.redis!.restart();
      await waitForReadiness(c, true);
    } finally {
      await cluster.redis!.restart();
    }
  });
});
