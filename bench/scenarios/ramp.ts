import { closeClientGroup, openClientGroup, waitForSync } from '../clientGroup.ts';
import { DeliveryLedger } from '../deliveryLedger.ts';
import type { ProcSample } from '../procStats.ts';
import type { ServerProcess } from '../serverProcess.ts';
import type { RoomDirectory } from '../servers/roomDirectory.ts';
import { runEditWindow, warmUp, type EditWindowResult } from './editLoad.ts';

/** Shape of the ramp: the fan-out topology with the per-client edit rate raised step by step. */
export interface RampPlan {
  rooms: number;
  clientsPerRoom: number;
  /** Edits per second per client, one step each, in increasing order. */
  rates: number[];
  stepSeconds: number;
  drainMs: number;
}

/** A step passes when its p99 is under this and nothing was lost. */
export const rampLatencyBudgetMs = 100;
/**
 * A failing step during which other processes used more than this much CPU (percent of one core) is run once more:
 * on a shared machine a burst of someone else's work should not end a server's ramp.
 */
const disturbedStepCpuPercent = 25;
/** The design goal's stricter budget, reported alongside. */
export const goalLatencyBudgetMs = 50;

export const rampPlan = (stepSeconds: number): RampPlan => ({
  rooms: 20,
  clientsPerRoom: 10,
  // ×1.5 per step from just above the fan-out rate: fine enough to separate servers, few enough to fit the time
  // budget (a full ramp is at most 10 steps).
  rates: [3, 4.5, 6.75, 10, 15, 22.5, 34, 50, 75, 110],
  stepSeconds,
  drainMs: 2_000,
});

/** The ramp's outcome: every step run, and the best passing throughput under each budget. */
export interface RampResult {
  steps: EditWindowResult[];
  /** Highest deliveries/s of a step with p99 < 100 ms and nothing lost (0 if none passed). */
  sustainedDeliveriesPerSecond: number;
  /** Same under the goal's 50 ms budget. */
  sustainedAtGoalDeliveriesPerSecond: number;
  /** Per-client rate of the first failing step, or null if every step passed. */
  firstFailingRate: number | null;
}

const syncTimeoutMs = 30_000;

/** True when a step kept every delivery and its p99 under `budgetMs`. */
export function stepPasses(step: EditWindowResult, budgetMs: number): boolean {
  return step.lost === 0 && step.droppedClients === 0 && step.latency.p99 < budgetMs;
}

/**
 * Ramp: raises the edit rate until a step misses the 100 ms p99 budget or loses a delivery (then stops). With
 * `instances` (the same rooms on several instances of one cluster), each room's clients are spread over them and
 * `server` is the cluster: its first instance's rooms and the instances' summed CPU.
 */
export async function runRamp(
  server: Pick<ServerProcess, 'rooms' | 'kind' | 'sample'>,
  plan: RampPlan,
  cluster: { instances?: readonly RoomDirectory[]; infrastructure?: () => ProcSample } = {},
): Promise<RampResult> {
  const { instances, infrastructure } = cluster;
  const ledger = new DeliveryLedger();
  const group = await openClientGroup(server, {
    roomCount: plan.rooms,
    clientsPerRoom: plan.clientsPerRoom,
    docPrefix: 'ramp',
    onEditReceived: (id, at, instance) => ledger.recordDelivery(id, at, instance),
    instances,
  });
  const steps: EditWindowResult[] = [];
  try {
    const synced = await waitForSync(group.all, syncTimeoutMs);
    if (synced < group.all.length) throw new Error(`only ${synced} of ${group.all.length} clients synced`);
    await warmUp(group, ledger, plan.rates[0] ?? 1, 1_000);
    for (const ratePerClient of plan.rates) {
      const runStep = () =>
        runEditWindow({
          server,
          group,
          ledger,
          ratePerClient,
          seconds: plan.stepSeconds,
          drainMs: plan.drainMs,
          infrastructure,
        });
      let step = await runStep();
      if (!stepPasses(step, rampLatencyBudgetMs) && step.foreignCpuPercent > disturbedStepCpuPercent) {
        step = await runStep();
      }
      steps.push(step);
      if (!stepPasses(step, rampLatencyBudgetMs)) break;
    }
  } finally {
    closeClientGroup(group);
  }
  const best = (budgetMs: number): number =>
    Math.max(0, ...steps.filter((step) => stepPasses(step, budgetMs)).map((step) => step.deliveriesPerSecond));
  const failing = steps.find((step) => !stepPasses(step, rampLatencyBudgetMs));
  return {
    steps,
    sustainedDeliveriesPerSecond: best(rampLatencyBudgetMs),
    sustainedAtGoalDeliveriesPerSecond: best(goalLatencyBudgetMs),
    firstFailingRate: failing ? failing.ratePerClient : null,
  };
}
