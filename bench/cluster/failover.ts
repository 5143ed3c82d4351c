import * as Y from 'yjs';
import { closeClientGroup, openClientGroup, waitForSync } from '../clientGroup.ts';
import { DeliveryLedger } from '../deliveryLedger.ts';
import type { LoadClient } from '../loadClient.ts';
import { warmUp } from '../scenarios/editLoad.ts';
import { delay, waitUntil } from '../waitFor.ts';
import type { Cluster } from './instances.ts';

/** Shape of the failover run: the fan-out rooms editing steadily across the instances while one is killed. */
export interface FailoverPlan {
  rooms: number;
  clientsPerRoom: number;
  ratePerClient: number;
  /** Steady editing before the kill. */
  beforeKillMs: number;
  /** Editing goes on this long after the kill (the survivors keep working meanwhile). */
  afterKillMs: number;
  /** Longest wait for every client to be back in sync, from the kill. */
  recoveryTimeoutMs: number;
  /** Longest wait, once editing stops, for every room to converge. */
  convergeTimeoutMs: number;
}

export const failoverPlan = (quick: boolean): FailoverPlan => ({
  rooms: 20,
  clientsPerRoom: 10,
  ratePerClient: 2,
  beforeKillMs: quick ? 2_000 : 4_000,
  afterKillMs: quick ? 5_000 : 10_000,
  // Long enough to outlast a dead instance's presence (ours: until 1.5 × HEARTBEAT_MS, 45 s by default, passes).
  recoveryTimeoutMs: 75_000,
  convergeTimeoutMs: 15_000,
});

/** What killing one instance cost. */
export interface FailoverResult {
  instances: number;
  clients: number;
  /** Clients whose socket the kill closed. */
  dropped: number;
  /** From the kill until every dropped client had its sync step 2 from another instance. */
  allReconnectedMs: number;
  /** Median of the same, per dropped client. */
  reconnectP50Ms: number;
  /**
   * From the kill until the last client (dropped or not) held every edit any client of its room had made before the
   * kill, on an open socket: the time to be back in sync.
   */
  lastBackInSyncMs: number;
  /** Clients not back in sync within the timeout. */
  notBackInSync: number;
  /** Once editing stopped, until every client of every room had the same state (NaN if it never did). */
  convergedAfterStopMs: number;
  /** Clients whose document lacks some client's edit at the end (0: nothing lost). */
  clientsMissingEdits: number;
  /** Edits made across the run (before, during and after the kill). */
  editsMade: number;
  /** How many times each close code ended a socket (1006: the kill; others: the instance refused or closed it). */
  closeCodes: Record<string, number>;
}

/** y-websocket's reconnect backoff: 100 ms × 2^attempt, at most 2.5 s (WebsocketProvider's defaults). */
const backoffMs = (attempt: number): number => Math.min(100 * 2 ** attempt, 2_500);

/**
 * Keeps every client connected the way a provider behind a load balancer would: when its socket drops it waits the
 * provider's backoff and connects to the next instance round-robin (a balancer that stopped routing to the dead one);
 * if that fails too, the one after, with a longer backoff.
 */
function keepConnected(
  clients: readonly LoadClient[],
  cluster: Cluster,
  closeCodes: Record<string, number>,
): () => void {
  const attempts = new Map<LoadClient, number>();
  const pending = new Set<LoadClient>();
  const count = cluster.directories.length;
  const timer = setInterval(() => {
    for (const client of clients) {
      if (client.closeCode === null || pending.has(client)) continue;
      const attempt = attempts.get(client) ?? 0;
      attempts.set(client, attempt + 1);
      closeCodes[String(client.closeCode)] = (closeCodes[String(client.closeCode)] ?? 0) + 1;
      pending.add(client);
      setTimeout(() => {
        pending.delete(client);
        const next = (client.instance + 1) % count;
        const docName = clientDoc.get(client)!;
        client.reconnect(cluster.directories[next]!.socketUrl(docName), next);
      }, backoffMs(attempt));
    }
    for (const client of clients) if (client.resyncedAt !== null) attempts.delete(client);
  }, 2);
  return () => clearInterval(timer);
}

/** Document names by client (the client keeps its own privately). */
const clientDoc = new WeakMap<LoadClient, string>();

/** Whether `client` holds, for every client id in `target`, at least that many of its structs. */
function holds(client: LoadClient, target: ReadonlyMap<number, number>): boolean {
  for (const [id, clock] of target) if (Y.getState(client.doc.store, id) < clock) return false;
  return true;
}

/** Every client id of a room with its clock in its own document: what each client has made so far. */
function madeSoFar(room: readonly LoadClient[]): Map<number, number> {
  return new Map(room.map((client) => [client.doc.clientID, Y.getState(client.doc.store, client.doc.clientID)]));
}

/**
 * Failover: the rooms' clients spread over the instances edit steadily; instance 1 is killed with SIGKILL; its
 * clients reconnect to the others. Timed from the kill until the last client holds every edit made before it.
 */
export async function runFailover(cluster: Cluster, plan: FailoverPlan): Promise<FailoverResult> {
  if (cluster.instances.length < 2) throw new Error('failover needs at least two instances');
  const ledger = new DeliveryLedger();
  const group = await openClientGroup(cluster.first, {
    roomCount: plan.rooms,
    clientsPerRoom: plan.clientsPerRoom,
    docPrefix: 'failover',
    instances: cluster.directories,
  });
  for (const [index, room] of group.rooms.entries()) {
    const docName = cluster.first.rooms.docName(`failover-${index}`);
    for (const client of room) clientDoc.set(client, docName);
  }
  let stopReconnecting = (): void => {};
  const closeCodes: Record<string, number> = {};
  try {
    const synced = await waitForSync(group.all, 30_000);
    if (synced < group.all.length) throw new Error(`only ${synced} of ${group.all.length} clients synced`);
    for (const client of group.all) client.keepAcrossDrops();
    stopReconnecting = keepConnected(group.all, cluster, closeCodes);
    const editing = warmUp(group, ledger, plan.ratePerClient, plan.beforeKillMs + plan.afterKillMs);
    await delay(plan.beforeKillMs);

    const targets = new Map(group.rooms.map((room) => [room, madeSoFar(room)]));
    const victims = group.all.filter((client) => client.instance === 0);
    const killedAt = performance.now();
    await cluster.kill(0);
    const backAt = new Map<LoadClient, number>();
    await waitUntil(
      () => {
        const now = performance.now();
        for (const room of group.rooms) {
          const target = targets.get(room)!;
          for (const client of room) {
            if (backAt.has(client) || !client.isOpen || client.instance === 0) continue;
            if (client.resyncedAt === null || !holds(client, target)) continue;
            backAt.set(client, now);
          }
        }
        return backAt.size === group.all.length;
      },
      plan.recoveryTimeoutMs,
      5,
    );
    const reconnects = victims
      .map((client) => (client.resyncedAt === null ? Number.NaN : client.resyncedAt - killedAt))
      .sort((a, b) => a - b);
    await editing;

    const stoppedAt = performance.now();
    const converged = await waitUntil(() => group.rooms.every(sameState), plan.convergeTimeoutMs, 20);
    const convergedAt = performance.now();
    const made = group.all.reduce((sum, client) => sum + Y.getState(client.doc.store, client.doc.clientID), 0);
    const missing = group.rooms.flatMap((room) => {
      const all = madeSoFar(room);
      return room.filter((client) => !holds(client, all));
    }).length;
    return {
      instances: cluster.instances.length,
      clients: group.all.length,
      dropped: victims.length,
      allReconnectedMs: reconnects.some(Number.isNaN) ? Number.NaN : (reconnects.at(-1) ?? 0),
      reconnectP50Ms: reconnects[Math.floor((reconnects.length - 1) / 2)] ?? Number.NaN,
      lastBackInSyncMs:
        backAt.size === group.all.length ? Math.max(...[...backAt.values()].map((at) => at - killedAt)) : Number.NaN,
      notBackInSync: group.all.length - backAt.size,
      convergedAfterStopMs: converged ? convergedAt - stoppedAt : Number.NaN,
      clientsMissingEdits: missing,
      editsMade: made,
      closeCodes,
    };
  } finally {
    stopReconnecting();
    closeClientGroup(group);
  }
}

/** Whether every client of a room holds every edit any client of it has made (state vectors agree on them). */
function sameState(room: readonly LoadClient[]): boolean {
  const made = madeSoFar(room);
  return room.every((client) => holds(client, made));
}
