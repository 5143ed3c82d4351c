import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import { waitFor } from '../helpers/waitFor.ts';
import {
  connectPinned,
  createPartnership,
  type Instance,
  joinPartnership,
  providerSynced,
  seededRandom,
  signInAdmin,
  snapshotOf,
  useCluster,
  waitForConvergence,
  yieldTurn,
} from './harness.ts';

const roots = { 'cluster-map': 'map', 'cluster-list': 'array' } as const;
const cluster = useCluster({ env: { HEARTBEAT_MS: '1000' } });
// Two instances for the whole file (each test works in a partnership of its own).
let a: Instance;
let b: Instance;
beforeAll(async () => {
  a = await cluster.start('A');
  b = await cluster.start('B');
});

/** One random edit to the shared map and array: set or delete a key, insert or delete an element. */
function randomEdit(doc: Y.Doc, random: () => number, author: string, step: number): void {
  const map = doc.getMap<number>('cluster-map');
  const list = doc.getArray<string>('cluster-list');
  const roll = random();
  if (roll < 0.4) {
    map.set(`k${Math.floor(random() * 20)}`, Math.floor(random() * 1000));
  } else if (roll < 0.5 && map.size > 0) {
    const keys = [...map.keys()];
    map.delete(keys[Math.floor(random() * keys.length)]!);
  } else if (roll < 0.9 || list.length === 0) {
    list.insert(Math.floor(random() * (list.length + 1)), [`${author}-${step}`]);
  } else {
    list.delete(Math.floor(random() * list.length), 1);
  }
}

describe('two instances, one document', () => {
  it('converges random concurrent edits from three clients on each instance, and a fresh client loads it', async () => {
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin);
    const docName = workspaceDocName(partnershipId);
    const auth = { headers: { cookie: admin.cookie! } };

    const clients = [a, a, a, b, b, b].map((instance, i) => ({
      ...connectPinned(instance, docName, auth),
      label: `client ${i} on ${instance.name}`,
    }));
    await Promise.all(clients.map((client) => providerSynced(client.provider)));

    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`convergence: random seed ${seed}`);
    const editsPerClient = 60;
    await Promise.all(
      clients.map(async (client, i) => {
        const random = seededRandom(seed + i);
        for (let step = 0; step < editsPerClient; step++) {
          randomEdit(client.doc, random, `c${i}`, step);
          // Interleave with the other clients' frames: most edits go out while others are in flight.
          if (random() < 0.5) await yieldTurn();
        }
      }),
    );

    const converged = await waitForConvergence(clients, { timeoutMs: 20_000, roots }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n\n${a.describe()}\n\n${b.describe()}`);
    });
    const inserted = clients.length * editsPerClient;
    expect(clients[0]!.doc.getArray('cluster-list').length).toBeGreaterThan(0);
    expect(clients[0]!.doc.getArray('cluster-list').length).toBeLessThanOrEqual(inserted);

    // A client arriving afterwards on either instance loads the same state.
    for (const instance of [a, b]) {
      const fresh = connectPinned(instance, docName, auth);
      await providerSynced(fresh.provider);
      await waitFor(() => expect(snapshotOf(fresh.doc, roots)).toBe(converged));
      fresh.destroy();
    }
  });

  it('shows someone on instance A the presence of someone on instance B, and their leaving', async () => {
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin, 'Presence');
    const docName = workspaceDocName(partnershipId);
    const bea = await joinPartnership(admin, partnershipId, 'editor', 'Bea', b.url);

    const onA = connectPinned(a, docName, { headers: { cookie: admin.cookie! } });
    const onB = connectPinned(b, docName, { headers: bea.headers });
    await Promise.all([providerSynced(onA.provider), providerSynced(onB.provider)]);

    onB.provider.awareness.setLocalStateField('cursor', { tag: 'bea-was-here' });
    const beaOnA = await waitFor(
      () => {
        const state = onA.provider.awareness.getStates().get(onB.doc.clientID) as
          { cursor?: { tag?: string }; user?: { name?: string } } | undefined;
        expect(state?.cursor?.tag).toBe('bea-was-here');
        return state!;
      },
      { timeoutMs: 10_000 },
    );
    // The server stamps who sent it: B's view of Bea reaches A.
    expect(JSON.stringify(beaOnA.user)).toContain('Bea');

    // And the other way round.
    onA.provider.awareness.setLocalStateField('cursor', { tag: 'admin-was-here' });
    await waitFor(() => {
      const state = onB.provider.awareness.getStates().get(onA.doc.clientID) as { cursor?: { tag?: string } };
      expect(state?.cursor?.tag).toBe('admin-was-here');
    });

    // Bea closes her tab: A sees her leave.
    onB.destroy();
    await waitFor(() => expect(onA.provider.awareness.getStates().has(onB.doc.clientID)).toBe(false), {
      timeoutMs: 10_000,
    });
  });
});
