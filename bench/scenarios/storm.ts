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
  rssBeforeBytes: number;
  rssIdleBytes: number;
  /** (RSS with every client connected and idle − RSS before) / clients. */
  bytesPerIdleConnection: number;
  droppedClients: number;
  /** CPU used by other processes on the machine while the clients connected (percent of one core). */
  foreignCpuPercent: number;
}

/** Connection storm: every client opens its socket at once; then they sit idle while memory is read. */
export async function runStorm(server: ServerProcess, plan: StormPlan): Promise<StormResult> {
  // A few connections first, so code that loads or compiles on first use is not counted as per-connection memory.
  const warmUp = await openClientGroup(server, { roomCount: 1, clientsPerRoom: 10, docPrefix: 'storm-warm-up' });
  await waitForSync(warmUp.all, 10_000);
  closeClientGroup(warmUp);
  const layout = { roomCount: plan.rooms, clientsPerRoom: plan.clientsPerRoom, docPrefix: 'storm' };
  // Rooms that need creating (ours) are created first, and memory is read once the server has let them go again,
  // so the delta below covers loading them on connect just as it does for the anchors.
  await server.rooms.prepare(roomKeys(layout));
  await server.rooms.settle();
  await delay(1_000);
  const before = server.sample();
  const cpu = watchCpu(() => server.sample());
  const group = await openClientGroup(server, layout);
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
      rssBeforeBytes: before.rssBytes,
      rssIdleBytes: idle.rssBytes,
      bytesPerIdleConnection: (idle.rssBytes - before.rssBytes) / clients,
      droppedClients: group.all.filter((client) => client.droppedUnexpectedly).length,
      foreignCpuPercent: shares.foreignPercent,
    };
  } finally {
    closeClientGroup(group);
  }
}
