import * as prettier from 'prettier';
import type { BenchOptions } from '../cli.ts';
import type { BenchResults } from '../results.ts';
import { bigDocumentPlan } from '../scenarios/bigDocumentJoin.ts';
import { fanoutPlan } from '../scenarios/fanout.ts';
import { goalLatencyBudgetMs, rampLatencyBudgetMs, rampPlan } from '../scenarios/ramp.ts';
import { stormPlan } from '../scenarios/storm.ts';
import { serverKinds } from '../servers/serverKinds.ts';
import { formatCount, formatKiB, formatMiB, formatMs, formatPercent } from './format.ts';
import { median } from '../stats.ts';
import { describeMachine } from './machine.ts';
import { canRaisePriority } from '../serverProcess.ts';
import { goalLines, readingLines, type ReadingInput } from './reading.ts';
import {
  summariseAll,
  summariseBigDocument,
  summariseFanout,
  summariseRamp,
  summariseStorm,
  type BigDocumentSummary,
  type FanoutSummary,
  type RampSummary,
  type StormSummary,
} from './summaries.ts';
import { absoluteTable, ratioTable, rampStepTable, type Metric } from './tables.ts';

const fanoutMetrics: Metric<FanoutSummary>[] = [
  { header: 'p50 ms', value: (s) => s.p50, format: formatMs, better: 'lower' },
  { header: 'p99 ms', value: (s) => s.p99, format: formatMs, better: 'lower' },
  { header: 'lost', value: (s) => s.lost, format: formatCount },
  { header: 'of deliveries', value: (s) => s.expected, format: formatCount },
  { header: 'deliveries/s', value: (s) => s.deliveriesPerSecond, format: formatCount, better: 'higher' },
  { header: 'server CPU', value: (s) => s.serverCpuPercent, format: formatPercent, better: 'lower' },
  { header: 'server RSS MiB', value: (s) => s.serverRssBytes, format: formatMiB, better: 'lower' },
  { header: 'deliveries per CPU-s', value: (s) => s.deliveriesPerCpuSecond, format: formatCount, better: 'higher' },
  { header: 'load-gen CPU', value: (s) => s.loadGeneratorCpuPercent, format: formatPercent },
  { header: 'other CPU (max)', value: (s) => s.foreignCpuPercent, format: formatPercent },
];

const rampMetrics: Metric<RampSummary>[] = [
  {
    header: `sustained deliveries/s (p99 < ${rampLatencyBudgetMs} ms, 0 lost)`,
    value: (s) => s.sustained,
    format: formatCount,
    better: 'higher',
  },
  {
    header: `at p99 < ${goalLatencyBudgetMs} ms`,
    value: (s) => s.sustainedAtGoal,
    format: formatCount,
    better: 'higher',
  },
  {
    header: 'deliveries per CPU-s there',
    value: (s) => s.deliveriesPerCpuSecond,
    format: formatCount,
    better: 'higher',
  },
  { header: 'rounds ended by load-gen saturation', value: (s) => s.loadGeneratorBoundRounds, format: formatCount },
];

const stormMetrics: Metric<StormSummary>[] = [
  { header: 'all synced ms', value: (s) => s.allSyncedMs, format: formatMs, better: 'lower' },
  { header: 'synced (min)', value: (s) => s.syncedMin, format: formatCount },
  { header: 'RSS before MiB', value: (s) => s.rssBeforeBytes, format: formatMiB, better: 'lower' },
  { header: 'RSS idle MiB', value: (s) => s.rssIdleBytes, format: formatMiB, better: 'lower' },
  { header: 'KB per idle connection', value: (s) => s.bytesPerIdleConnection, format: formatKiB, better: 'lower' },
  {
    header: 'KB per idle connection, from start',
    value: (s) => s.bytesPerIdleConnectionFromStart,
    format: formatKiB,
    better: 'lower',
  },
  { header: 'other CPU (max)', value: (s) => s.foreignCpuPercent, format: formatPercent },
];

const bigDocumentMetrics: Metric<BigDocumentSummary>[] = [
  { header: 'doc MiB', value: (s) => s.documentBytes, format: formatMiB },
  { header: 'all joiners have it, ms', value: (s) => s.allCompleteMs, format: formatMs, better: 'lower' },
  { header: 'verified (min)', value: (s) => s.completeMin, format: formatCount },
  { header: 'RSS before MiB', value: (s) => s.rssBeforeBytes, format: formatMiB },
  { header: 'peak RSS MiB', value: (s) => s.peakRssBytes, format: formatMiB, better: 'lower' },
  { header: 'server CPU ms', value: (s) => s.serverCpuMs, format: formatCount, better: 'lower' },
  { header: 'other CPU (max)', value: (s) => s.foreignCpuPercent, format: formatPercent },
];

function section<S>(
  title: string,
  intro: string,
  summaries: Partial<Record<string, S>>,
  metrics: Metric<S>[],
): string[] {
  if (Object.keys(summaries).length === 0) return [];
  const ratios = ratioTable(summaries, metrics);
  return [`## ${title}`, '', intro, '', absoluteTable(summaries, metrics), '', ...(ratios ? [ratios, ''] : [])];
}

/** Median “other CPU” above this (percent of one core) makes the report say its figures are not to be trusted. */
const busyMachinePercent = 50;

/** Every measured window's other-CPU figure, across scenarios. */
function foreignLoads(results: BenchResults): number[] {
  const windows = [
    ...Object.values(results.fanout).flat(),
    ...Object.values(results.ramp)
      .flat()
      .flatMap((ramp) => ramp.steps),
    ...Object.values(results.storm).flat(),
    ...Object.values(results.bigdoc).flat(),
  ];
  return windows.map((window) => window.foreignCpuPercent).filter((value) => Number.isFinite(value));
}

function busyMachineWarning(results: BenchResults): string[] {
  const loads = foreignLoads(results);
  const typical = median(loads);
  if (!(typical > busyMachinePercent)) return [];
  return [
    '## ⚠ Measured on a busy machine',
    '',
    `Other processes used a median ${typical.toFixed(0)} % of a core (of 200 %) while this run measured, so ` +
      'latencies and ceilings below mostly reflect that contention, not the servers. Ratios between servers are ' +
      'indicative at best; rerun `npm run bench` on a quiet machine before drawing conclusions.',
    '',
  ];
}

function commandLine(options: BenchOptions): string {
  const args = process.argv.slice(2);
  return `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}${options.quick ? ' (quick smoke run)' : ''}`;
}

/** Renders the whole report as markdown, formatted the way the repository's prettier config wants it. */
export async function renderReport(results: BenchResults, options: BenchOptions, pinned: boolean): Promise<string> {
  const input: ReadingInput = {
    fanout: summariseAll(results.fanout, summariseFanout),
    ramp: summariseAll(results.ramp, summariseRamp),
    storm: summariseAll(results.storm, summariseStorm),
    bigdoc: summariseAll(results.bigdoc, summariseBigDocument),
  };
  const fanout = fanoutPlan(options.fanoutSeconds);
  const ramp = rampPlan(options.rampStepSeconds);
  const storm = stormPlan(options.quick);
  const bigdoc = bigDocumentPlan();
  const lines = [
    '# Sync server benchmarks',
    '',
    `Generated by \`${commandLine(options)}\` on ${results.startedAt.slice(0, 10)} ` +
      `(${results.startedAt} → ${results.finishedAt}). Regenerate with \`npm run bench\`; ` +
      '`npm run bench -- --quick` is a smoke run, `--only=fanout,storm` picks scenarios.',
    '',
    ...describeMachine(pinned, canRaisePriority),
    `- Each scenario ran ${options.rounds} round(s), interleaved (every server once per round, in turn), each run on ` +
      'a freshly started server with an empty data directory. Figures are medians over rounds; losses are totals.',
    '',
    '## Servers',
    '',
    ...options.servers.map((id) => `- **${serverKinds[id].label}** — ${serverKinds[id].persistence}.`),
    '',
    ...busyMachineWarning(results),
    '## Goals (DESIGN.md §4)',
    '',
    ...goalLines(input),
    '',
    '## Reading',
    '',
    ...readingLines(input),
    '',
    ...section(
      'Fan-out',
      `${fanout.rooms} rooms × ${fanout.clientsPerRoom} clients, each making ${fanout.ratePerClient} edits/s for ` +
        `${options.fanoutSeconds} s after a ${fanout.warmUpMs / 1000} s warm-up. Latency is from the edit to its arrival ` +
        'at each other client of the room; “lost” is deliveries still missing ' +
        `${fanout.drainMs / 1000} s after the last edit.`,
      input.fanout,
      fanoutMetrics,
    ),
    ...section(
      'Ramp',
      `The fan-out rooms with the per-client edit rate raised ×1.5 per ${options.rampStepSeconds} s step ` +
        `(${ramp.rates.join(', ')} edits/s), stopping at the first step with p99 ≥ ${rampLatencyBudgetMs} ms or ` +
        'any loss. “Sustained” is the best passing step’s deliveries/s.',
      input.ramp,
      rampMetrics,
    ),
    ...(Object.keys(results.ramp).length > 0
      ? [
          'Every step (round ; round), with the load generator’s CPU (“gen”) and other processes’ (“other”):',
          '',
          rampStepTable(results.ramp),
          '',
        ]
      : []),
    ...section(
      'Connection storm',
      `${storm.rooms * storm.clientsPerRoom} clients in ${storm.rooms} rooms open their sockets at once; “all synced” ` +
        'is until the last one has its sync step 2. Memory per idle connection is (RSS after ' +
        `${storm.idleMs / 1000} s idle − RSS before) / clients, so it includes the ${storm.rooms} loaded rooms. ` +
        '“Before” is read after ten warm-up connections have come and gone; “from start” uses the RSS of the ' +
        'freshly started process instead and so also charges that warm-up.',
      input.storm,
      stormMetrics,
    ),
    ...section(
      'Big document',
      `One client seeds a ${options.bigDocumentMegabytes}-million-character text (tens of thousands of items, sent ` +
        'as ~1 MB updates) and stays connected; after a probe confirms the server has all of it, ' +
        `${bigdoc.joiners} clients connect at once. Timed until the last joiner has received the whole document; each ` +
        'copy is then applied and checked off the clock (“verified”). Peak RSS is sampled every 25 ms.',
      input.bigdoc,
      bigDocumentMetrics,
    ),
    ...(results.failures.length > 0
      ? [
          '## Failed runs',
          '',
          ...results.failures.map((f) => `- ${f.scenario}, round ${f.round}, ${f.server}: ${f.message}`),
          '',
        ]
      : []),
    ...methodNotes(),
  ];
  const text = lines.join('\n');
  const config = (await prettier.resolveConfig('docs/benchmarks.md')) ?? {};
  return prettier.format(text, { ...config, parser: 'markdown' });
}

function methodNotes(): string[] {
  return [
    '## Method and caveats',
    '',
    '- Clients are real `Y.Doc`s with `Awareness`, speaking sync step 1/2, updates and presence over raw `ws` sockets ' +
      '(bench/loadClient.ts). Hocuspocus gets the same messages in its own framing (document-name prefix and an ' +
      'auth message first; bench/wire.ts). An edit sets the client’s key in a shared `Y.Map` to an edit id; send and ' +
      'arrival times come from `performance.now()` in the one load-generator process, so no clocks are compared.',
    '- All load comes from one Node process on one core. Its CPU is shown (“load-gen CPU”, “gen”): near 100 % the ' +
      'load generator, not the server, sets the ceiling, and latency includes its queueing. Server CPU is user + ' +
      'system time from `/proc/<pid>/stat`; RSS is `VmRSS` from `/proc/<pid>/status`.',
    '- Persistence differs in kind: ours appends every update to SQLite before broadcasting it (nothing acknowledged ' +
      'can be lost); Hocuspocus with SQLite writes the whole document 2 s after the last change (up to 10 s of edits ' +
      'can be lost on a crash); the in-memory anchors keep nothing. Hocuspocus also echoes each update to its sender ' +
      'and acknowledges it, which costs it sends that the others do not make.',
    '- The SQLite extension is the official `@hocuspocus/extension-sqlite` on the `sqlite3` native package, which ' +
      'built from source here. It depends on `@hocuspocus/server` ^3.4.4, so npm nests a 3.4.4 copy under ' +
      '`@hocuspocus/extension-database`; that copy only supplies types (the extension never imports it at run time), ' +
      'and the server that runs is 3.4.3.',
    '- The y-websocket anchor is `@y/websocket-server` wired as its own bin does, with the `ws` 6 it depends on.',
    '- Ours runs as shipped (`node --import tsx server/main.ts`, `SEED_DEMO=false`, per-connection rate limit raised ' +
      'out of the way). Its rooms are real partnerships (blank template) created through the API before each ' +
      'scenario, and every socket is authenticated with an API token (`?token=`) and a membership check, as ' +
      'DESIGN.md requires; the anchors accept anyone. For the storm, the partnerships are created first and ' +
      'then ours is restarted on the same data, so the storm starts in a fresh process for every server.',
    '- The machine may be shared with other work, which the bench cannot stop. It measures it instead: “other CPU” ' +
      'is the machine’s busy time (`/proc/stat`) minus the server’s and the load generator’s, in % of one core. ' +
      'Other work competes for the pinned cores and shows up as latency spikes; a ramp step that fails while ' +
      'other CPU is above 25 % is run once more. Every round of every run is kept in `bench/results/*.json`.',
    '- 1,000 simultaneous connects overflow the default listen backlog (511, the same for every server here), so ' +
      'some SYNs are retried after the kernel’s 1 s timeout; “all synced” in the storm includes that for everyone.',
    '',
  ];
}
