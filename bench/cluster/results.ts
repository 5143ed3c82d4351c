import type { FailoverResult } from './failover.ts';
import type { ClusterId } from './instances.ts';
import type { RampResult } from '../scenarios/ramp.ts';

export const clusterScenarios = ['ramp', 'failover'] as const;
export type ClusterScenario = (typeof clusterScenarios)[number];

export interface ClusterOptions {
  quick: boolean;
  scenarios: ClusterScenario[];
  servers: ClusterId[];
  instances: number[];
  rounds: number;
  rampStepSeconds: number;
  writeDocs: boolean;
}

/** Per-round results by server and instance count (`"ours@2"`). */
export interface ClusterResults {
  startedAt: string;
  finishedAt: string;
  ramp: Record<string, RampResult[]>;
  failover: Record<string, FailoverResult[]>;
  failures: { scenario: string; key: string; round: number; message: string }[];
}

export const resultKey = (server: ClusterId, instances: number): string => `${server}@${instances}`;
