// `npm run bench:cluster`: the ramp of `npm run bench` on 1, 2 and 3 instances of one cluster (each room's clients
// spread over the instances), ours on PostgreSQL + Redis against Hocuspocus + its Redis extension, and the time from
// kill -9 of one instance to the last client being back in sync. See `--help` and docs/benchmarks.md, "Several
// instances".
import fs from 'node:fs';
import path from 'node:path';
import { runFailover, failoverPlan } from './cluster/failover.ts';
import {
  clusterScenarios,
  resultKey,
  type ClusterOptions,
  type ClusterResults,
  type ClusterScenario,
} from './cluster/results.ts';
import { clusterIds, clusterKinds, startCluster, type Cluster, type ClusterId } from './cluster/instances.ts';
import { clusterRampPlan, renderClusterReport, spliceSection } from './cluster/report.ts';
import { sampleInfrastructure } from './procStats.ts';
import { QuietMachineGate } from './quietMachine.ts';
import { runRamp } from './scenarios/ramp.ts';
import { runFanout, fanoutPlan } from './scenarios/fanout.ts';
import { killAllServers, pinLoadGenerator } from './serverProcess.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const resultsDir = path.join(repoRoot, 'bench', 'results');

const usage = `Usage: npm run bench:cluster -- [options]
  --quick              short smoke run (1 round, 1 s ramp steps, shorter failover); does not touch docs/
  --only=a,b           scenarios: ${clusterScenarios.join(', ')}
  --servers=a,b        servers: ${clusterIds.join(', ')}
  --instances=1,2,3    instance counts for the ramp (failover runs the counts of 2 or more)
  --rounds=N           interleaved rounds (default 2, quick 1)
  --step-seconds=N     seconds per ramp step (default 3, quick 1)
  --write / --no-write replace the "Several instances" section of docs/benchmarks.md (default: full runs only)`;

function parse(argv: readonly string[]): ClusterOptions {
  const flags = new Map<string, string>();
  for (const arg of argv) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`unexpected argument "${arg}"\n${usage}`);
    flags.set(match[1]!, match[2] ?? '');
  }
  const known = ['quick', 'only', 'servers', 'instances', 'rounds', 'step-seconds', 'write', 'no-write', 'help'];
  for (const flag of flags.keys()) if (!known.includes(flag)) throw new Error(`unknown flag --${flag}\n${usage}`);
  if (flags.has('help')) throw new Error(usage);
  const list = <T extends string>(flag: string, allowed: readonly T[]): T[] => {
    if (!flags.has(flag)) return [...allowed];
    const picked = flags.get(flag)!.split(',').filter(Boolean);
    for (const item of picked) if (!allowed.includes(item as T)) throw new Error(`--${flag}: unknown "${item}"`);
    return allowed.filter((item) => picked.includes(item));
  };
  const number = (flag: string, fallback: number): number => {
    if (!flags.has(flag)) return fallback;
    const value = Number(flags.get(flag));
    if (!Number.isFinite(value) || value <= 0) throw new Error(`--${flag} needs a positive number`);
    return value;
  };
  const quick = flags.has('quick');
  const instances = (flags.get('instances') ?? '1,2,3').split(',').map(Number);
  if (instances.some((count) => !Number.isInteger(count) || count < 1 || count > 8)) {
    throw new Error('--instances takes whole numbers from 1 to 8, e.g. --instances=1,2,3');
  }
  const scenarios = list('only', clusterScenarios);
  const servers = list('servers', clusterIds);
  const everything = !quick && scenarios.length === clusterScenarios.length && servers.length === clusterIds.length;
  return {
    quick,
    scenarios,
    servers,
    instances: [...new Set(instances)].sort((a, b) => a - b),
    rounds: Math.round(number('rounds', quick ? 1 : 2)),
    rampStepSeconds: number('step-seconds', quick ? 1 : 3),
    writeDocs: flags.has('write') || (everything && !flags.has('no-write')),
  };
}

function progress(message: string): void {
  process.stderr.write(`[bench:cluster] ${message}\n`);
}

process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping servers (Redis keys under this run's prefix may be left: cgbench:*)`);
    killAllServers();
    process.exit(130);
  });
}

async function withCluster(
  results: ClusterResults,
  scenario: ClusterScenario,
  server: ClusterId,
  count: number,
  round: number,
  work: (cluster: Cluster) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  const key = resultKey(server, count);
  let cluster: Cluster | null = null;
  try {
    cluster = await startCluster(clusterKinds[server], count);
    await work(cluster);
    const exits = cluster.unexpectedExits();
    if (exits.length > 0) throw new Error(exits.join('; '));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.failures.push({ scenario, key, round, message });
    progress(`${scenario} round ${round} ${key}: FAILED ${message}`);
  } finally {
    await cluster?.stop();
  }
  progress(`${scenario} round ${round} ${key}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

async function main(): Promise<number> {
  let options: ClusterOptions;
  try {
    options = parse(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const pinned = pinLoadGenerator();
  progress(pinned ? 'load generator pinned to core 1, every instance to core 0' : 'taskset unavailable');
  const results: ClusterResults = {
    startedAt: new Date().toISOString(),
    finishedAt: '',
    ramp: {},
    failover: {},
    failures: [],
  };
  // Warm the load generator up on a throwaway one-instance cluster, so no measured run pays for its cold start.
  await withCluster(results, 'ramp', options.servers[0]!, 1, 0, async (cluster) => {
    await runFanout(cluster.first, { ...fanoutPlan(3), warmUpMs: 1_000 });
  });
  results.failures = [];
  const gate = options.quick ? new QuietMachineGate(20_000, 3_000) : new QuietMachineGate(240_000, 30_000);
  const plan = clusterRampPlan(options.rampStepSeconds);
  for (let round = 1; round <= options.rounds; round++) {
    if (options.scenarios.includes('ramp')) {
      for (const count of options.instances) {
        for (const server of options.servers) {
          const busy = await gate.wait();
          if (busy >= 25) progress(`machine busy with other work (${busy.toFixed(0)} % of a core); running anyway`);
          await withCluster(results, 'ramp', server, count, round, async (cluster) => {
            // The rooms are prepared through the first instance; CPU and memory are every instance's, summed.
            const whole = { rooms: cluster.first.rooms, kind: cluster.first.kind, sample: () => cluster.sample() };
            const ramp = await runRamp(whole, plan, {
              instances: cluster.directories,
              infrastructure: sampleInfrastructure,
            });
            (results.ramp[resultKey(server, count)] ??= []).push(ramp);
          });
        }
      }
    }
    if (options.scenarios.includes('failover')) {
      for (const count of options.instances.filter((n) => n >= 2)) {
        for (const server of options.servers) {
          await gate.wait();
          await withCluster(results, 'failover', server, count, round, async (cluster) => {
            (results.failover[resultKey(server, count)] ??= []).push(
              await runFailover(cluster, failoverPlan(options.quick)),
            );
          });
        }
      }
    }
  }
  results.finishedAt = new Date().toISOString();
  const section = await renderClusterReport(results, options, pinned);
  process.stdout.write(section);
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(resultsDir, `cluster-${stamp}.json`), JSON.stringify({ options, results }, null, 2));
  fs.writeFileSync(path.join(resultsDir, 'cluster-latest.md'), section);
  if (options.writeDocs) {
    fs.writeFileSync(docsFile, await spliceSection(fs.readFileSync(docsFile, 'utf8'), section));
    progress(`wrote the "Several instances" section of ${path.relative(repoRoot, docsFile)}`);
  } else {
    progress('partial or quick run: wrote bench/results/cluster-latest.md only (pass --write to refresh docs)');
  }
  return results.failures.length > 0 ? 1 : 0;
}

main().then(
  (code) => {
    killAllServers();
    process.exit(code);
  },
  (error: unknown) => {
    progress(`crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    killAllServers();
    process.exit(1);
  },
);
