import os from 'node:os';
import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import type { Round } from '../../shared/schemas/rounds.ts';
import type { BenchOutcome, BenchPerson } from './people.ts';
import { watchProjection, type ProjectionWatcher } from './watchers.ts';

/** What one round of voting measured, as raw samples (milliseconds). */
export interface RoundSamples {
  watchers: number;
  accepted: number;
  refused: number;
  durationMs: number;
  requestMs: number[];
  toEveryClient: number[];
  perDelivery: number[];
  beforeAnswer: number;
  tallyMatches: boolean;
  loadAverage: number;
}

export interface MeasureOptions {
  wsUrl: string;
  partnershipId: string;
  facilitator: BenchPerson;
  voters: readonly BenchPerson[];
  /** The candidates: outcomes of the partnership's framework. */
  outcomes: readonly BenchOutcome[];
  changesPerVoter: number;
  thinkMs: number;
  random: () => number;
}

function randomDots(candidateIds: readonly string[], random: () => number): Record<string, number> {
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

/**
 * Opens a live dots round, connects a projection client for the facilitator and every voter, lets every voter cast and
 * change their ballot at once, and measures when each accepted version reached each client.
 */
export async function measureRound(options: MeasureOptions, runNumber: number): Promise<RoundSamples> {
  const { facilitator, voters, random } = options;
  const round = await facilitator.expect<Round>(201, 'POST', `/api/partnerships/${options.partnershipId}/rounds`, {
    title: `Benchmark round ${runNumber}`,
    candidates: options.outcomes.map(({ id, label }) => ({ kind: 'outcome', refId: id, label })),
    settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    visibility: 'live',
  });
  await facilitator.expect(200, 'POST', `/api/rounds/${round.id}/open`);
  const candidateIds = round.candidates.map((candidate) => candidate.id);
  const watchers: ProjectionWatcher[] = [];
  try {
    for (const person of [facilitator, ...voters]) {
      watchers.push(await watchProjection(options.wsUrl, options.partnershipId, round.id, person.cookie));
    }
    const accepted: { version: number; at: number; requestMs: number }[] = [];
    let refused = 0;
    const started = performance.now();
    await Promise.all(
      voters.map(async (voter) => {
        for (let change = 0; change < options.changesPerVoter; change++) {
          await new Promise((resolve) => setTimeout(resolve, random() * options.thinkMs));
          const sent = performance.now();
          const answer = await voter.request<{ version: number }>('PUT', `/api/rounds/${round.id}/ballot`, {
            method: 'dots',
            dots: randomDots(candidateIds, random),
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
        if (reached < ballot.at) beforeAnswer += 1;
        const delay = Math.max(0, reached - ballot.at);
        perDelivery.push(delay);
        slowest = Math.max(slowest, delay);
      }
      toEveryClient.push(slowest);
    }
    const official = await facilitator.expect<RoundResults>(200, 'GET', `/api/rounds/${round.id}/results`);
    const final = await facilitator.expect<Round>(200, 'GET', `/api/rounds/${round.id}`);
    await facilitator.expect(200, 'POST', `/api/rounds/${round.id}/close`);
    return {
      watchers: watchers.length,
      accepted: accepted.length,
      refused,
      durationMs,
      requestMs: accepted.map((ballot) => ballot.requestMs),
      toEveryClient,
      perDelivery,
      beforeAnswer,
      tallyMatches:
        final.version === top &&
        watchers.every((watcher) => JSON.stringify(watcher.results()) === JSON.stringify(official)),
      loadAverage: os.loadavg()[0] ?? Number.NaN,
    };
  } finally {
    for (const watcher of watchers) watcher.destroy();
  }
}
