import { closeClientGroup, openClientGroup, roomKeys, waitForSync } from '../clientGroup.ts';
import type { ServerProcess } from '../serverProcess.ts';
import { watchCpu } from '../procStats.ts';
import { delay } from '../waitFor.ts';

/** Shape of the connection storm. */
export interface StormPlan {
  rooms: number;
  clientsPerRoom: number;
  /** How long the connected clients sit idle before RSS is read. */
  idleMs: number;
  timeoutMs: number;
}

export const stormPlan = (quick: boolean): StormPlan => ({
  rooms: 100,
  clientsPerRoom: 10,
  idleMs: quick ? 1_000 : 3_000,
  timeoutMs: 60_000,
});

export interface StormResult {
  clients: number;
  synced: number;
  /** From opening the first socket until the last client had its sync step 2. */
  allSyncedMs: number;
  /** RSS of the freshly started server, before anything connected or was created. */
  rssAtStartBytes: number;
  /** RSS just before the storm, after ten warm-up connections have come and gone. */
  rssBeforeBytes: number;
  rssIdleBytes: number;
  /** (RSS with every client connected and idle − RSS before) / clients. */
  bytesPerIdleConnection: number;
  /** (RSS idle − RSS at start) / clients: also charges the warm-up, so it is the more conservative figure. */
  bytesPerIdleConnectionFromStart: number;
  droppedClients: number;
  /** CPU used by other processes on the machine while the clients connected (percent of one core). */
  foreignCpuPercent: number;
}

const stormLayout = (plan: StormPlan) => ({
  roomCount: plan.rooms,
  clientsPerRoom: plan.clientsPerRoom,
  docPrefix: 'storm',
});

/**
 * Creates the storm's rooms where that takes work on the server (ours: partnerships), then restarts it on the same
 * data, so the storm starts in a fresh process exactly as it does for the anchors. Returns the server to measure.
 */
export async function prepareStorm(server: ServerProcess, plan: StormPlan): Promise<ServerProcess> {
  await server.rooms.prepare([...roomKeys(warmUpLayout), ...roomKeys(stormLayout(plan))]);
  return server.restartFresh();
}

const warmUpLayout = { roomCount: 1, clientsPerRoom: 10, docPrefix: 'storm-warm-up' };

/** Connection storm: every client opens its socket at once; then they sit idle while memory is read. */
export async function runStorm(server: ServerProcess, plan: StormPlan): Promise<StormResult> {
  const atStart = server.sample();
  // A few connections first, so code that loads or compiles on first use is not counted as per-connection memory.
  const warmUp = await openClientGroup(server, warmUpLayout);
  await waitForSync(warmUp.all, 10_000);
  closeClientGroup(warmUp);
  await delay(1_000);
  const before = server.sample();
  const cpu = watchCpu(() => server.sample());
  const group = await openClientGroup(server, stormLayout(plan));
  try {
    const synced = await waitForSync(group.all, plan.timeoutMs);
    const shares = cpu.stop();
    const lastSyncedAt = Math.max(...group.all.map((client) => client.syncedAt ?? Number.NaN));
    await delay(plan.idleMs);
    const idle = server.sample();
    const clients = group.all.length;
    return {
      clients,
      synced,
      allSyncedMs: synced === clients ? lastSyncedAt - group.startedAt : Number.NaN,
      rssAtStartBytes: atStart.rssBytes,
      rssBeforeBytes: before.rssBytes,
      rssIdleBytes: idle.rssBytes,
      bytesPerIdleConnection: (idle.rssBytes - before.rssBytes) / clients,
      bytesPerIdleConnectionFromStart: (idle.rssBytes - atStart.rssBytes) / clients,
      droppedClients: group.all.filter((client) => client.droppedUnexpectedly).length,
      foreignCpuPercent: shares.foreignPercent,
    };
  } finally {
    closeClientGroup(group);
  }
}
