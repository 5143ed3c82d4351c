import fs from 'node:fs';
import path from 'node:path';
import { buildBigDocument, type BigDocument } from './bigDocument.ts';
import { parseArgs, type BenchOptions, type ScenarioId } from './cli.ts';
import { renderReport } from './report/document.ts';
import { sectionEnd, sectionStart, spliceSection } from './cluster/report.ts';
import { QuietMachineGate } from './quietMachine.ts';
import { addResult, emptyResults, type BenchResults } from './results.ts';
import { bigDocumentPlan, runBigDocumentJoin } from './scenarios/bigDocumentJoin.ts';
import { fanoutPlan, runFanout } from './scenarios/fanout.ts';
import { rampPlan, runRamp } from './scenarios/ramp.ts';
import { prepareStorm, runStorm, stormPlan } from './scenarios/storm.ts';
import { killAllServers, pinLoadGenerator, startServerProcess, type ServerProcess } from './serverProcess.ts';
import { serverKinds, type ServerId } from './servers/serverKinds.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');
const docsFile = path.join(repoRoot, 'docs', 'benchmarks.md');
const resultsDir = path.join(repoRoot, 'bench', 'results');

function progress(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// Child servers must never outlive the bench, whatever way it ends.
process.on('exit', killAllServers);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    progress(`${signal}: stopping servers`);
    killAllServers();
    process.exit(130);
  });
}

let bigDocument: BigDocument | null = null;

async function runOnce(
  scenario: ScenarioId,
  server: ServerProcess,
  options: BenchOptions,
  results: BenchResults,
): Promise<void> {
  const id = server.kind.id;
  switch (scenario) {
    case 'fanout':
      addResult(results.fanout, id, await runFanout(server, fanoutPlan(options.fanoutSeconds)));
      break;
    case 'ramp':
      addResult(results.ramp, id, await runRamp(server, rampPlan(options.rampStepSeconds)));
      break;
    case 'storm':
      addResult(results.storm, id, await runStorm(server, stormPlan(options.quick)));
      break;
    case 'bigdoc':
      bigDocument ??= buildBigDocument(options.bigDocumentMegabytes);
      addResult(results.bigdoc, id, await runBigDocumentJoin(server, bigDocument, bigDocumentPlan()));
      break;
  }
}

async function runScenario(
  scenario: ScenarioId,
  options: BenchOptions,
  results: BenchResults,
  gate: QuietMachineGate,
): Promise<void> {
  for (let round = 1; round <= options.rounds; round++) {
    for (const serverId of options.servers) {
      const busy = await gate.wait();
      if (busy >= 25) progress(`machine busy with other work (${busy.toFixed(0)} % of a core); running anyway`);
      await runOnServer(scenario, serverId, round, options, results);
    }
  }
}

async function runOnServer(
  scenario: ScenarioId,
  serverId: ServerId,
  round: number,
  options: BenchOptions,
  results: BenchResults,
): Promise<void> {
  const started = performance.now();
  let server: ServerProcess | null = null;
  try {
    server = await startServerProcess(serverKinds[serverId]);
    if (scenario === 'storm') server = await prepareStorm(server, stormPlan(options.quick));
    await runOnce(scenario, server, options, results);
    const exit = server.exited();
    if (exit !== null) throw new Error(`server exited during the run (${exit})`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    results.failures.push({ scenario, server: serverId, round, message });
    progress(`${scenario} round ${round} ${serverId}: FAILED ${message}`);
  } finally {
    await server?.stop();
  }
  progress(
    `${scenario} round ${round}/${options.rounds} ${serverId}: ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/**
 * A throwaway fan-out before anything is measured, so the load generator's own cold start (module loading,
 * JIT) is not charged to whichever server happens to run first.
 */
async function warmUpLoadGenerator(serverId: ServerId): Promise<void> {
  const server = await startServerProcess(serverKinds[serverId]);
  try {
    await runFanout(server, { ...fanoutPlan(3), warmUpMs: 1_000 });
  } finally {
    await server.stop();
  }
  progress('load generator warmed up');
}

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const pinned = pinLoadGenerator();
  progress(pinned ? 'load generator pinned to core 1, servers to core 0' : 'taskset unavailable: nothing pinned');
  await warmUpLoadGenerator(options.servers[0]!);
  const results = emptyResults();
  // Wait for other work to pass before each run: up to 30 s per run and 4 min in all (quick: 3 s and 20 s).
  const gate = options.quick ? new QuietMachineGate(20_000, 3_000) : new QuietMachineGate(240_000, 30_000);
  for (const scenario of options.scenarios) await runScenario(scenario, options, results, gate);
  results.finishedAt = new Date().toISOString();

  const report = await renderReport(results, options, pinned);
  process.stdout.write(report);
  fs.mkdirSync(resultsDir, { recursive: true });
  const stamp = results.startedAt.replace(/[:.]/g, '-');
  fs.writeFileSync(path.join(resultsDir, `${stamp}.json`), JSON.stringify({ options, results }, null, 2));
  fs.writeFileSync(path.join(resultsDir, 'latest.md'), report);
  if (options.writeDocs) {
    // The "Several instances" section comes from `npm run bench:cluster`: carried over, not dropped.
    const previous = fs.existsSync(docsFile) ? fs.readFileSync(docsFile, 'utf8') : '';
    const start = previous.indexOf(sectionStart);
    const end = previous.indexOf(sectionEnd);
    const cluster = start >= 0 && end > start ? previous.slice(start, end + sectionEnd.length) : '';
    fs.writeFileSync(docsFile, cluster ? await spliceSection(report, cluster) : report);
    progress(`wrote ${path.relative(repoRoot, docsFile)}`);
  } else {
    progress('partial or quick run: wrote bench/results/latest.md only (pass --write to refresh docs/benchmarks.md)');
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
