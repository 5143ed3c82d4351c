import type { ByServer } from '../results.ts';
import type { BigDocumentResult } from '../scenarios/bigDocumentJoin.ts';
import type { EditWindowResult } from '../scenarios/editLoad.ts';
import type { RampResult } from '../scenarios/ramp.ts';
import type { StormResult } from '../scenarios/storm.ts';
import type { ServerId } from '../servers/serverKinds.ts';
import { median } from '../stats.ts';

/** A step is called load-generator bound when the load generator's core was this busy (percent). */
export const loadGeneratorSaturatedPercent = 90;

/** The rounds of one scenario on one server, reduced to one figure per metric (median; totals for losses). */
export interface FanoutSummary {
  rounds: number;
  p50: number;
  p99: number;
  lost: number;
  expected: number;
  deliveriesPerSecond: number;
  serverCpuPercent: number;
  serverRssBytes: number;
  deliveriesPerCpuSecond: number;
  loadGeneratorCpuPercent: number;
  /** Highest CPU use of other processes on the machine in any round (percent of one core). */
  foreignCpuPercent: number;
}

export interface RampSummary {
  rounds: number;
  sustained: number;
  sustainedAtGoal: number;
  /** Deliveries per server CPU-second at the best passing step. */
  deliveriesPerCpuSecond: number;
  /** Rounds whose ramp ended on a step where the load generator, not the server, was saturated. */
  loadGeneratorBoundRounds: number;
  /** Rounds in which every step passed. */
  neverFailedRounds: number;
}

export interface StormSummary {
  rounds: number;
  clients: number;
  syncedMin: number;
  allSyncedMs: number;
  rssBeforeBytes: number;
  rssIdleBytes: number;
  bytesPerIdleConnection: number;
  bytesPerIdleConnectionFromStart: number;
  foreignCpuPercent: number;
}

export interface BigDocumentSummary {
  rounds: number;
  documentBytes: number;
  joiners: number;
  completeMin: number;
  allCompleteMs: number;
  rssBeforeBytes: number;
  peakRssBytes: number;
  serverCpuMs: number;
  foreignCpuPercent: number;
}

const perCpuSecond = (step: EditWindowResult): number =>
  step.serverCpuPercent > 0 ? step.deliveriesPerSecond / (step.serverCpuPercent / 100) : Number.NaN;

const medianOf = <T>(rounds: readonly T[], pick: (round: T) => number): number => median(rounds.map(pick));

/** Summarises each server's rounds with `summarise`; servers without results are left out. */
export function summariseAll<T, S>(byServer: ByServer<T>, summarise: (rounds: T[]) => S): Partial<Record<ServerId, S>> {
  const summaries: Partial<Record<ServerId, S>> = {};
  for (const [id, rounds] of Object.entries(byServer) as [ServerId, T[] | undefined][]) {
    if (rounds && rounds.length > 0) summaries[id] = summarise(rounds);
  }
  return summaries;
}

export function summariseFanout(rounds: EditWindowResult[]): FanoutSummary {
  return {
    rounds: rounds.length,
    p50: medianOf(rounds, (round) => round.latency.p50),
    p99: medianOf(rounds, (round) => round.latency.p99),
    lost: rounds.reduce((sum, round) => sum + round.lost, 0),
    expected: rounds.reduce((sum, round) => sum + round.expected, 0),
    deliveriesPerSecond: medianOf(rounds, (round) => round.deliveriesPerSecond),
    serverCpuPercent: medianOf(rounds, (round) => round.serverCpuPercent),
    serverRssBytes: medianOf(rounds, (round) => round.serverRssBytes),
    deliveriesPerCpuSecond: medianOf(rounds, perCpuSecond),
    loadGeneratorCpuPercent: medianOf(rounds, (round) => round.loadGeneratorCpuPercent),
    foreignCpuPercent: Math.max(...rounds.map((round) => round.foreignCpuPercent)),
  };
}

function bestStep(ramp: RampResult): EditWindowResult | undefined {
  return ramp.steps.find((step) => step.deliveriesPerSecond === ramp.sustainedDeliveriesPerSecond);
}

export function summariseRamp(rounds: RampResult[]): RampSummary {
  const endedOnLoadGenerator = (ramp: RampResult): boolean => {
    const last = ramp.steps.at(-1);
    return (
      ramp.firstFailingRate !== null &&
      last !== undefined &&
      last.loadGeneratorCpuPercent >= loadGeneratorSaturatedPercent
    );
  };
  return {
    rounds: rounds.length,
    sustained: medianOf(rounds, (ramp) => ramp.sustainedDeliveriesPerSecond),
    sustainedAtGoal: medianOf(rounds, (ramp) => ramp.sustainedAtGoalDeliveriesPerSecond),
    deliveriesPerCpuSecond: medianOf(rounds, (ramp) => {
      const best = bestStep(ramp);
      return best ? perCpuSecond(best) : Number.NaN;
    }),
    loadGeneratorBoundRounds: rounds.filter(endedOnLoadGenerator).length,
    neverFailedRounds: rounds.filter((ramp) => ramp.firstFailingRate === null).length,
  };
}

export function summariseStorm(rounds: StormResult[]): StormSummary {
  return {
    rounds: rounds.length,
    clients: rounds[0]?.clients ?? 0,
    syncedMin: Math.min(...rounds.map((round) => round.synced)),
    allSyncedMs: medianOf(rounds, (round) => round.allSyncedMs),
    rssBeforeBytes: medianOf(rounds, (round) => round.rssBeforeBytes),
    rssIdleBytes: medianOf(rounds, (round) => round.rssIdleBytes),
    bytesPerIdleConnection: medianOf(rounds, (round) => round.bytesPerIdleConnection),
    bytesPerIdleConnectionFromStart: medianOf(rounds, (round) => round.bytesPerIdleConnectionFromStart),
    foreignCpuPercent: Math.max(...rounds.map((round) => round.foreignCpuPercent)),
  };
}

export function summariseBigDocument(rounds: BigDocumentResult[]): BigDocumentSummary {
  return {
    rounds: rounds.length,
    documentBytes: rounds[0]?.documentBytes ?? 0,
    joiners: rounds[0]?.joiners ?? 0,
    completeMin: Math.min(...rounds.map((round) => round.complete)),
    allCompleteMs: medianOf(rounds, (round) => round.allCompleteMs),
    rssBeforeBytes: medianOf(rounds, (round) => round.rssBeforeBytes),
    peakRssBytes: medianOf(rounds, (round) => round.peakRssBytes),
    serverCpuMs: medianOf(rounds, (round) => round.serverCpuMs),
    foreignCpuPercent: Math.max(...rounds.map((round) => round.foreignCpuPercent)),
  };
}
