import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Round } from '../shared/schemas/rounds.ts';
import type { RoundResults } from '../shared/schemas/roundResults.ts';
import { startBallotServer, benchAdmin } from './ballots/ballotServer.ts';
import { buildBoard, type BenchPerson } from './ballots/people.ts';
import { ballotBenchMarkdown, percentiles, writeBallotBenchReport, type BallotBenchResult } from './ballots/report.ts';
import { watchProjection, type ProjectionWatcher } from './ballots/watchers.ts';

// Ballot fan-out: voters casting and changing ballots at once against a real server; how soon every projection
// client sees each accepted ballot. `npm run bench:ballots -- --voters 40 --changes 10 --think-ms 200`.
const { values } = parseArgs({
  options: {
    voters: { type: 'string', default: '40' },
    organisations: { type: 'string', default: '8' },
    changes: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '200' },
    seed: { type: 'string', default: '20261126' },
    // On a machine shared with other work, pinning can hurt more than it helps: both cores are contended anyway.
    unpinned: { type: 'boolean', default: false },
  },
});
// Every y-websocket provider registers a process 'exit' handler; 41 of them are expected here.
process.setMaxListeners(100);
const settings = {
  voters: Number(values.voters),
  organisations: Number(values.organisations),
  changesPerVoter: Number(values.changes),
  thinkMs: Number(values['think-ms']),
};

/** A seeded generator (mulberry32), so runs are comparable. */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = seeded(Number(values.seed));

function randomDots(candidateIds: readonly string[]): Record<string, number> {
  const dots: Record<string, number> = {};
  let left = 1 + Math.floor(random() * 5);
  while (left > 0) {
    const id = candidateIds[Math.floor(random() * candidateIds.length)]!;
    if ((dots[id] ?? 0) < 3) {
      dots[id] = (dots[id] ?? 0) + 1;
      left -= 1;
    }
  }
  return dots;
}

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!check()) {
    if (performance.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return true;
}

const server = await startBallotServer({ pin: !values.unpinned });
const watchers: ProjectionWatcher[] = [];
try {
  console.log(`server at ${server.url}${server.pinned ? ' (pinned)' : ''}; setting up ${settings.voters} voters…`);
  const board = await buildBoard(server.url, benchAdmin, settings.voters, settings.organisations);
  const round = await board.facilitator.expect<Round>(201, 'POST', `/api/partnerships/${board.partnershipId}/rounds`, {
    title: 'Benchmark round',
    candidates: Array.from({ length: 8 }, (_, index) => ({
      kind: 'outcome',
      refId: `o${index}`,
      label: `Outcome ${index + 1}`,
    })),
    settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    visibility: 'live',
  });
  await board.facilitator.expect(200, 'POST', `/api/rounds/${round.id}/open`);
  const candidateIds = round.candidates.map((candidate) => candidate.id);
  for (const person of [board.facilitator, ...board.voters]) {
    watchers.push(await watchProjection(server.wsUrl, board.partnershipId, round.id, person.cookie));
  }
  console.log(`${watchers.length} projection clients connected; voting…`);

  const accepted: { version: number; at: number; requestMs: number }[] = [];
  let refused = 0;
  const started = performance.now();
  await Promise.all(
    board.voters.map(async (voter: BenchPerson) => {
      for (let change = 0; change < settings.changesPerVoter; change++) {
        await new Promise((resolve) => setTimeout(resolve, random() * settings.thinkMs));
        const sent = performance.now();
        const answer = await voter.request<{ version: number }>('PUT', `/api/rounds/${round.id}/ballot`, {
          method: 'dots',
          dots: randomDots(candidateIds),
        });
        const at = performance.now();
        if (answer.status === 200) accepted.push({ version: answer.body.version, at, requestMs: at - sent });
        else refused += 1;
      }
    }),
  );
  const top = Math.max(...accepted.map((ballot) => ballot.version));
  const allArrived = await waitUntil(() => watchers.every((watcher) => watcher.latest() >= top), 10_000);
  const durationMs = performance.now() - started;
  if (!allArrived) console.warn('not every client received the last version within 10 s');

  const toEveryClient: number[] = [];
  const perDelivery: number[] = [];
  let beforeAnswer = 0;
  for (const ballot of accepted) {
    let slowest = 0;
    for (const watcher of watchers) {
      const reached = watcher.reachedAt(ballot.version) ?? Number.POSITIVE_INFINITY;
      const delay = Math.max(0, reached - ballot.at);
      if (reached < ballot.at) beforeAnswer += 1;
      perDelivery.push(delay);
      slowest = Math.max(slowest, delay);
    }
    toEveryClient.push(slowest);
  }

  const official = await board.facilitator.expect<RoundResults>(200, 'GET', `/api/rounds/${round.id}/results`);
  const final = await board.facilitator.expect<Round>(200, 'GET', `/api/rounds/${round.id}`);
  const result: BallotBenchResult = {
    settings: { ...settings, watchers: watchers.length },
    pinned: server.pinned,
    accepted: accepted.length,
    refused,
    durationMs,
    request: percentiles(accepted.map((ballot) => ballot.requestMs)),
    toEveryClient: percentiles(toEveryClient),
    perDelivery: percentiles(perDelivery),
    beforeAnswer,
    loadAverage: os.loadavg(),
    tallyMatches:
      final.version === top &&
      watchers.every((watcher) => JSON.stringify(watcher.results()) === JSON.stringify(official)),
  };
  const command = `npm run bench:ballots -- --voters ${settings.voters} --changes ${settings.changesPerVoter} --think-ms ${settings.thinkMs}${values.unpinned ? ' --unpinned' : ''}`;
  const markdown = ballotBenchMarkdown(result, command);
  console.log(markdown);
  console.log(`written to ${writeBallotBenchReport(markdown)}`);
} finally {
  for (const watcher of watchers) watcher.destroy();
  await server.stop();
}
