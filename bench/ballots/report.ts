import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Latency figures in milliseconds. */
export interface Percentiles {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** What one run measured. */
export interface BallotBenchResult {
  settings: { voters: number; organisations: number; changesPerVoter: number; thinkMs: number; watchers: number };
  pinned: boolean;
  accepted: number;
  refused: number;
  durationMs: number;
  /** HTTP round trip of PUT /ballot. */
  request: Percentiles;
  /** From the HTTP 200 to the last connected client holding the new version (the figure the goal is about). */
  toEveryClient: Percentiles;
  /** From the HTTP 200 to each client, one sample per client per ballot. */
  perDelivery: Percentiles;
  /** Deliveries that arrived before the HTTP answer did (counted as 0 ms). */
  beforeAnswer: number;
  tallyMatches: boolean;
  loadAverage: number[];
}

/** Nearest-rank percentiles of millisecond samples. */
export function percentiles(samples: readonly number[]): Percentiles {
  const sorted = Float64Array.from(samples).sort();
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? Number.NaN };
}

const goalMs = 200;
const ms = (value: number) => `${value.toFixed(1)} ms`;
const row = (name: string, figures: Percentiles) =>
  `| ${name} | ${ms(figures.p50)} | ${ms(figures.p95)} | ${ms(figures.p99)} | ${ms(figures.max)} |`;

/** The run as Markdown, with the command that reproduces it. */
export function ballotBenchMarkdown(result: BallotBenchResult, command: string): string {
  const { settings } = result;
  const met = result.toEveryClient.p95 < goalMs;
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  return `# Ballot fan-out benchmark

How long after a ballot is accepted (the server's HTTP 200 to \`PUT /api/rounds/:roundId/ballot\`) the new turnout and
live tally reach **every** client connected to the partnership's ballots projection (\`p:<id>:ballots\`, stock
y-websocket clients). Goal: p95 under ${goalMs} ms. **${met ? 'Met' : 'Not met'}: p95 ${ms(result.toEveryClient.p95)}.**

Run with:

\`\`\`
${command}
\`\`\`

## Set-up

- The real server (\`server/main.ts\`, SQLite in WAL mode, persistence on) in its own process${result.pinned ? ', pinned to core 0; the load generator on core 1' : ' (not pinned: taskset unavailable)'}.
- ${settings.voters} voting members in ${settings.organisations} organisations, each signed in with their own session; a live dots round
  (5 dots, at most 3 on one outcome, 8 outcomes), so every ballot changes the projected tally as well as the turnout.
- ${settings.watchers} projection clients (every voter and the facilitator), each over its own WebSocket.
- Each voter casts and then changes their ballot ${settings.changesPerVoter} times, waiting a random 0–${settings.thinkMs} ms between changes; all
  voters at once. A client's time is when it first holds a round version at least that of the accepted ballot (the server
  coalesces ballots arriving together into one projection write).
- Machine: ${cpu}, ${os.cpus().length} cores, Node ${process.version}, ${os.platform()} ${os.release()}; load average
  ${result.loadAverage.map((load) => load.toFixed(1)).join(' / ')} (1 / 5 / 15 min) when the run ended — on a machine shared with other
  work, a load above the core count means both processes waited for a CPU, and the figures include that wait.
  Measured ${new Date().toISOString()}.

## Results

${result.accepted} ballots accepted (${result.refused} refused) in ${(result.durationMs / 1000).toFixed(1)} s; the final projected tally
${result.tallyMatches ? 'equals' : '**does not equal**'} the results the API counts from the stored ballots.

| from the HTTP 200 | p50 | p95 | p99 | max |
| --- | --- | --- | --- | --- |
${row('to every connected client', result.toEveryClient)}
${row('to each client (per delivery)', result.perDelivery)}
${row('(for scale) the PUT round trip itself', result.request)}

${result.beforeAnswer} of ${result.accepted * settings.watchers} deliveries reached their client before the HTTP answer reached the voter (counted as 0 ms).
`;
}

/** Writes the report to docs/benchmarks-ballots.md. */
export function writeBallotBenchReport(markdown: string): string {
  const file = path.resolve(import.meta.dirname, '../../docs/benchmarks-ballots.md');
  fs.writeFileSync(file, markdown);
  return file;
}
