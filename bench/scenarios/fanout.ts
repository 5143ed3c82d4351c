import { closeClientGroup, openClientGroup, waitForSync } from '../clientGroup.ts';
import { DeliveryLedger } from '../deliveryLedger.ts';
import type { ServerProcess } from '../serverProcess.ts';
import { runEditWindow, warmUp, type EditWindowResult } from './editLoad.ts';

/** Shape of the fan-out workload. */
export interface FanoutPlan {
  rooms: number;
  clientsPerRoom: number;
  ratePerClient: number;
  seconds: number;
  warmUpMs: number;
  drainMs: number;
}

export const fanoutPlan = (seconds: number): FanoutPlan => ({
  rooms: 20,
  clientsPerRoom: 10,
  ratePerClient: 2,
  seconds,
  warmUpMs: 2_000,
  drainMs: 3_000,
});

const syncTimeoutMs = 30_000;

/** Fan-out: many small rooms editing steadily; every edit is owed to every other client in its room. */
export async function runFanout(server: ServerProcess, plan: FanoutPlan): Promise<EditWindowResult> {
  const ledger = new DeliveryLedger();
  const group = await openClientGroup(server, {
    roomCount: plan.rooms,
    clientsPerRoom: plan.clientsPerRoom,
    docPrefix: 'fanout',
    onEditReceived: (id, at) => ledger.recordDelivery(id, at),
  });
  try {
    const synced = await waitForSync(group.all, syncTimeoutMs);
    if (synced < group.all.length) throw new Error(`only ${synced} of ${group.all.length} clients synced`);
    await warmUp(group, ledger, plan.ratePerClient, plan.warmUpMs);
    return await runEditWindow({
      server,
      group,
      ledger,
      ratePerClient: plan.ratePerClient,
      seconds: plan.seconds,
      drainMs: plan.drainMs,
    });
  } finally {
    closeClientGroup(group);
  }
}
