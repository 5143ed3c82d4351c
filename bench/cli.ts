import { serverIds, type ServerId } from './servers/serverKinds.ts';

export const scenarioIds = ['fanout', 'ramp', 'storm', 'bigdoc'] as const;
export type ScenarioId = (typeof scenarioIds)[number];

/** What one `npm run bench` invocation runs. */
export interface BenchOptions {
  quick: boolean;
  scenarios: ScenarioId[];
  servers: ServerId[];
  /** Each scenario runs this many times per server, interleaved: A, B, C, D, A, B, C, D, … */
  rounds: number;
  fanoutSeconds: number;
  rampStepSeconds: number;
  /** Characters of the big document, in millions (batches of one million). */
  bigDocumentMegabytes: number;
  /** Whether docs/benchmarks.md is refreshed (full runs of everything, or when asked with --write). */
  writeDocs: boolean;
}

export const usage = `Usage: npm run bench -- [options]
  --quick              short smoke run (1 round, a few seconds per scenario); does not touch docs/
  --only=a,b           scenarios: ${scenarioIds.join(', ')}
  --servers=a,b        servers: ${serverIds.join(', ')}
  --rounds=N           interleaved rounds per scenario (default 2, quick 1)
  --seconds=N          fan-out measurement seconds per run (default 20, quick 3)
  --step-seconds=N     seconds per ramp step (default 3, quick 1)
  --write / --no-write refresh docs/benchmarks.md (default: only for a full run of everything)`;

function pickList<T extends string>(value: string, allowed: readonly T[], flag: string): T[] {
  const picked = value.split(',').filter(Boolean);
  for (const item of picked) {
    if (!allowed.includes(item as T)) throw new Error(`${flag}: unknown "${item}" (expected ${allowed.join(', ')})`);
  }
  return allowed.filter((item) => picked.includes(item));
}

function positiveNumber(value: string, flag: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed <= 0) throw new Error(`${flag} needs a positive number, got "${value}"`);
  return parsed;
}

/** Parses the command line; throws with a readable message on anything unknown. */
export function parseArgs(argv: readonly string[]): BenchOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"\n${usage}`);
    flags.set(match[1]!, match[2] ?? '');
  }
  const known = new Set(['quick', 'only', 'servers', 'rounds', 'seconds', 'step-seconds', 'write', 'no-write', 'help']);
  for (const flag of flags.keys()) if (!known.has(flag)) throw new Error(`unknown flag --${flag}\n${usage}`);
  if (flags.has('help')) throw new Error(usage);

  const quick = flags.has('quick');
  const scenarios = flags.has('only') ? pickList(flags.get('only')!, scenarioIds, '--only') : [...scenarioIds];
  const servers = flags.has('servers') ? pickList(flags.get('servers')!, serverIds, '--servers') : [...serverIds];
  const value = (flag: string, fallback: number): number =>
    flags.has(flag) ? positiveNumber(flags.get(flag)!, `--${flag}`) : fallback;
  const everything = !quick && scenarios.length === scenarioIds.length && servers.length === serverIds.length;
  return {
    quick,
    scenarios,
    servers,
    rounds: Math.round(value('rounds', quick ? 1 : 2)),
    fanoutSeconds: value('seconds', quick ? 3 : 20),
    rampStepSeconds: value('step-seconds', quick ? 1 : 3),
    bigDocumentMegabytes: quick ? 2 : 5,
    writeDocs: flags.has('write') || (everything && !flags.has('no-write')),
  };
}
