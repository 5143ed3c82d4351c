import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { workspaceDocName } from '../../shared/protocol/docNames.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { waitFor } from '../helpers/waitFor.ts';
import {
  connectPinned,
  createPartnership,
  providerSynced,
  RoamingClient,
  signInAdmin,
  snapshotOf,
  useCluster,
  waitForConvergence,
  yieldTurn,
} from './harness.ts';

const roots = { burst: 'map' } as const;
const heartbeatMs = 1000;
const cluster = useCluster({ env: { HEARTBEAT_MS: String(heartbeatMs) } });

/** Every `writer-step` entry a doc holds in the burst map. */
function entriesOf(doc: Y.Doc): Set<string> {
  return new Set(doc.getMap<number>('burst').keys());
}

describe('kill -9 of one instance mid-burst', () => {
  it('moves its clients to the other instance and loses nothing any client saw; it is all in PostgreSQL', async () => {
    const a = await cluster.start('A');
    const b = await cluster.start('B');
    const admin = await signInAdmin(a.url);
    const partnershipId = await createPartnership(admin);
    const docName = workspaceDocName(partnershipId);
    const auth = { headers: { cookie: admin.cookie! } };

    // A simulated load balancer: first A for three clients and B for three, afterwards whichever instance is up.
    const initial = [a, a, a, b, b, b];
    const clients = initial.map((instance, i) => {
      const client = new RoamingClient(docName, auth, (previous) => {
        if (previous === null) return instance.wsUrl;
        const live = cluster.live().filter((each) => each.wsUrl !== previous);
        return (live[0] ?? instance).wsUrl;
      });
      return { client, doc: client.doc, label: `client ${i} (started on ${instance.name})` };
    });
    await Promise.all(clients.map(({ client }) => client.whenSynced()));

    // Bursts from every client; A dies partway through.
    const stepsPerClient = 150;
    const killAtStep = 60;
    let killedAt = 0;
    await Promise.all(
      clients.map(async ({ client }, i) => {
        const burst = client.doc.getMap<number>('burst');
        for (let step = 0; step < stepsPerClient; step++) {
          burst.set(`c${i}-${step}`, step);
          if (i === 0 && step === killAtStep) {
            a.kill('SIGKILL');
            killedAt = performance.now();
          }
          await yieldTurn();
        }
      }),
    );
    // What each client has been told about (its own edits and what reached it) when the burst ends.
    const seenByAnyone = new Set<string>();
    for (const { doc } of clients) for (const key of entriesOf(doc)) seenByAnyone.add(key);

    expect((await a.waitForExit()).signal).toBe('SIGKILL');
    const converged = await waitForConvergence(clients, { timeoutMs: 30_000, roots }).catch((error: unknown) => {
      throw new Error(`${String(error)}\n\n${b.describe()}`);
    });
    await waitFor(() => expect(clients.every(({ client }) => client.synced)).toBe(true));
    const backInSyncMs = performance.now() - killedAt;
    console.log(`failover: kill -9 to the last client back in sync: ${backInSyncMs.toFixed(0)} ms`);

    for (const { client, label } of clients) {
      expect(client.current, label).toBe(b.wsUrl);
      const held = entriesOf(client.doc);
      const missing = [...seenByAnyone].filter((key) => !held.has(key));
      expect(missing, `${label} is missing updates`).toEqual([]);
    }
    // Every client made every one of its edits, so the union is everything.
    expect(seenByAnyone.size).toBe(clients.length * stepsPerClient);
    expect(clients.slice(0, 3).every(({ client }) => client.moves >= 1)).toBe(true);

    // Stored in PostgreSQL: take B down hard too, and load the document fresh on an instance that never held it.
    for (const { client } of clients) client.destroy();
    b.kill('SIGKILL');
    await b.waitForExit();
    const c = await cluster.start('C');
    const fresh = connectPinned(c, docName, auth);
    await providerSynced(fresh.provider);
    await waitFor(() => expect(snapshotOf(fresh.doc, roots)).toBe(converged));
    expect(entriesOf(fresh.doc).size).toBe(clients.length * stepsPerClient);
  });

  it('lets a person who moved from the killed instance go on showing presence under their id at once', async () => {
    // Heartbeats long enough that B still holds the presence A relayed under the mover's id when they arrive.
    const slow = { HEARTBEAT_MS: '20000' };
    const a = await cluster.start('A', slow);
    const b = await cluster.start('B', slow);
    const admin = await signInAdmin(a.url);
    const docName = workspaceDocName(await createPartnership(admin, 'Moving'));
    const auth = { headers: { cookie: admin.cookie! } };
    const mover = new RoamingClient(docName, auth, (previous) => (previous === null ? a.wsUrl : b.wsUrl));
    const watcher = connectPinned(b, docName, auth);
    await Promise.all([mover.whenSynced(), providerSynced(watcher.provider)]);
    mover.awareness.setLocalStateField('cursor', 'on A');
    await waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(mover.doc.clientID)).toMatchObject({ cursor: 'on A' }),
    );

    a.kill('SIGKILL');
    await waitFor(() => expect(mover.current === b.wsUrl && mover.synced).toBe(true));
    // Their next move is theirs to publish on B, not a claim on someone else's presence (which B refuses with 4400).
    mover.awareness.setLocalStateField('cursor', 'on B');
    await waitFor(() =>
      expect(watcher.provider.awareness.getStates().get(mover.doc.clientID)).toMatchObject({ cursor: 'on B' }),
    );
    expect(mover.closeCodes).not.toContain(CloseCode.Malformed);
    expect(mover.synced).toBe(true);
  });

  it('removes the presence of someone on the killed instance within two heartbeats', async () => {
    const a = await cluster.start('A');
    const b = await cluster.start('B');
    const admin = await signInAdmin(a.url);
    const docName = workspaceDocName(await createPartnership(admin, 'Presence'));
    const auth = { headers: { cookie: admin.cookie! } };
    const onA = connectPinned(a, docName, auth);
    const onB = connectPinned(b, docName, auth);
    await Promise.all([providerSynced(onA.provider), providerSynced(onB.provider)]);
    onA.provider.awareness.setLocalStateField('cursor', { tag: 'on-a' });
    await waitFor(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(true));

    // The person's client stays alive (it would reconnect elsewhere); only their instance dies.
    onA.provider.shouldConnect = false;
    a.kill('SIGKILL');
    const killed = performance.now();
    await waitFor(() => expect(onB.provider.awareness.getStates().has(onA.doc.clientID)).toBe(false), {
      timeoutMs: 2 * heartbeatMs + 3000,
    });
    const goneMs = performance.now() - killed;
    console.log(`failover: presence of someone on the killed instance gone after ${goneMs.toFixed(0)} ms`);
    // Two heartbeats, plus slack for a loaded 2-core machine.
    expect(goneMs).toBeLessThan(2 * heartbeatMs + 1000);
  });
});
