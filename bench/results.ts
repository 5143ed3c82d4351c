import type { ScenarioId } from './cli.ts';
import type { BigDocumentResult } from './scenarios/bigDocumentJoin.ts';
import type { EditWindowResult } from './scenarios/editLoad.ts';
import type { RampResult } from './scenarios/ramp.ts';
import type { StormResult } from './scenarios/storm.ts';
import type { ServerId } from './servers/serverKinds.ts';

/** Per-round results of one scenario, by server. */
export type ByServer<T> = Partial<Record<ServerId, T[]>>;

/** A run of one scenario against one server that did not produce a result. */
export interface RunFailure {
  scenario: ScenarioId;
  server: ServerId;
  round: number;
  message: string;
}

/** Everything one invocation measured. */
export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  fanout: ByServer<EditWindowResult>;
  ramp: ByServer<RampResult>;
  storm: ByServer<StormResult>;
  bigdoc: ByServer<BigDocumentResult>;
  failures: RunFailure[];
}

export function emptyResults(): BenchResults {
  return {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    fanout: {},
    ramp: {},
    storm: {},
    bigdoc: {},
    failures: [],
  };
}

/** Appends one round's result for one server. */
export function addResult<T>(byServer: ByServer<T>, server: ServerId, result: T): void {
  (byServer[server] ??= []).push(result);
}
