import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectClient, whenSynced, type TestClient } from '../../helpers/collabClient.ts';
import { makeDataDir, startTestServer } from '../../helpers/testServer.ts';
import { testStoreKind } from '../../helpers/testStore.ts';
import { deleteRedisPrefix, redisReachable, testRedisPrefix, testRedisUrl } from '../../helpers/testRedis.ts';
import { waitFor } from '../../helpers/waitFor.ts';

// Two instances in this process on one PostgreSQL schema and one Redis prefix: the cluster's rules, quickly. The
// separate-process suite (tests/cluster) proves the same with real processes, kills and restarts.
const runs = testStoreKind === 'postgres' && (await redisReachable());
const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await deleteRedisPrefix(prefix);
});

async function startTwo(extraEnv: Record<string, string> = {}) {
  const dataDir = makeDataDir();
  const prefix = testRedisPrefix();
  prefixes.push(prefix);
  const env = { REDIS_URL: testRedisUrl, REDIS_PREFIX: prefix, CATCH_UP_MS: '300', ...extraEnv };
  const a = await startTestServer({ dataDir, env });
  const b = await startTestServer({ dataDir, env });
  return { a, b };
}

function text(client: TestClient): string {
  return client.doc.getText('t').toString();
}

describe.skipIf(!runs)('two instances on PostgreSQL and Redis', () => {
  it('relays each edit to the other instance, and a client there sees it', async () => {
    const { a, b } = await startTwo();
    const onA = connectClient(a.wsUrl, 'p:cluster-relay', { name: 'Asha' });
    const onB = connectClient(b.wsUrl, 'p:cluster-relay', { name: 'Ben' });
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    onA.doc.getText('t').insert(0, 'from A ');
    await waitFor(() => expect(text(onB)).toBe('from A '));
    onB.doc.getText('t').insert(text(onB).length, 'and from B');
    await waitFor(() => expect(text(onA)).toBe('from A and from B'));
    expect(a.cluster?.instanceId).not.toBe(b.cluster?.instanceId);
  });

  it('converges random concurrent edits from clients on both instances', async () => {
    const { a, b } = await startTwo();
    const clients = [a, b, a, b].map((server, i) => connectClient(server.wsUrl, 'p:cluster-random', { name: `P${i}` }));
    await Promise.all(clients.map(whenSynced));
    // A fixed pseudo-random sequence (mulberry32), so a failure can be replayed.
    let seed = 42;
    const next = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    for (let step = 0; step < 200; step++) {
      const client = clients[next(clients.length)]!;
      const array = client.doc.getArray<number>('numbers');
      if (array.length > 0 && next(4) === 0) array.delete(next(array.length), 1);
      else array.insert(next(array.length + 1), [step]);
      client.doc.getMap('last').set(`writer-${next(3)}`, step);
    }
    await waitFor(
      () => {
        for (const client of clients.slice(1)) expect(client.doc.toJSON()).toEqual(clients[0]!.doc.toJSON());
      },
      { timeoutMs: 15_000 },
    );
    // A client arriving later, on either instance, loads the same document.
    const late = connectClient(b.wsUrl, 'p:cluster-random', { name: 'Late' });
    await whenSynced(late);
    expect(late.doc.getArray('numbers').toJSON()).toEqual(clients[0]!.doc.getArray('numbers').toJSON());
    expect(late.doc.getMap('last').toJSON()).toEqual(clients[0]!.doc.getMap('last').toJSON());
  });

  it('converges through the database alone when Redis cannot be reached, and says it is not ready', async () => {
    // Nothing listens on port 1: every message between the instances is lost, so only the catch-up can deliver.
    const { a, b } = await startTwo({ REDIS_URL: 'redis://127.0.0.1:1' });
    const onA = connectClient(a.wsUrl, 'p:cluster-no-redis', { name: 'Asha' });
    const onB = connectClient(b.wsUrl, 'p:cluster-no-redis', { name: 'Ben' });
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    onA.doc.getText('t').insert(0, 'A');
    onB.doc.getMap('m').set('b', 'B');
    await waitFor(() => {
      expect(text(onB)).toBe('A');
      expect(onA.doc.getMap('m').get('b')).toBe('B');
    });
    const readiness = await fetch(`${a.url}/readyz`);
    expect(readiness.status).toBe(503);
    const body = (await readiness.json()) as { status: string; problems: string[] };
    expect(body.status).toBe('not ready');
    expect(body.problems.some((problem) => problem.startsWith('redis:'))).toBe(true);
  });

  it('answers /readyz with ready when PostgreSQL and Redis both answer', async () => {
    const { a } = await startTwo();
    await waitFor(async () => {
      const response = await fetch(`${a.url}/readyz`);
      expect(await response.json()).toEqual({ status: 'ready' });
      expect(response.status).toBe(200);
    });
  });

  it('shows someone on the other instance in presence, and drops them when their instance stops', async () => {
    const { a, b } = await startTwo();
    const onA = connectClient(a.wsUrl, 'p:cluster-presence', { name: 'Asha' });
    const onB = connectClient(b.wsUrl, 'p:cluster-presence', { name: 'Ben' });
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    onB.provider.awareness.setLocalStateField('viewing', 'outcome-1');
    const benOnA = (): unknown => onA.provider.awareness.getStates().get(onB.doc.clientID);
    await waitFor(() => expect(benOnA()).toMatchObject({ viewing: 'outcome-1' }));
    // A client already present on A is announced to a room that loads later on B.
    onA.provider.awareness.setLocalStateField('viewing', 'outcome-2');
    const late = connectClient(b.wsUrl, 'p:cluster-presence', { name: 'Late' });
    await waitFor(() =>
      expect(late.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ viewing: 'outcome-2' }),
    );
    onB.provider.shouldConnect = false;
    await b.close();
    await waitFor(() => expect(benOnA()).toBeUndefined());
  });

  it('keeps every edit through compactions on both instances, each deleting only what it holds', async () => {
    const { a, b } = await startTwo();
    const onA = connectClient(a.wsUrl, 'p:cluster-compact', { name: 'Asha' });
    const onB = connectClient(b.wsUrl, 'p:cluster-compact', { name: 'Ben' });
    await Promise.all([whenSynced(onA), whenSynced(onB)]);
    // Past the compaction threshold (1,000 logged updates) on both instances, writing from both sides at once.
    for (let i = 0; i < 700; i++) {
      onA.doc.getArray('a').push([i]);
      onB.doc.getArray('b').push([i]);
    }
    await waitFor(
      () => {
        expect(onA.doc.getArray('b').length).toBe(700);
        expect(onB.doc.getArray('a').length).toBe(700);
      },
      { timeoutMs: 20_000 },
    );
    await Promise.all([a.close(), b.close()]);
    const stored = await startTestServer({ dataDir: a.dataDir });
    const fresh = new Y.Doc();
    for (const update of (await stored.store.docs.load('p:cluster-compact')).updates) Y.applyUpdate(fresh, update);
    expect(fresh.getArray('a').toArray()).toEqual(Array.from({ length: 700 }, (_, i) => i));
    expect(fresh.getArray('b').toArray()).toEqual(Array.from({ length: 700 }, (_, i) => i));
  });
});
