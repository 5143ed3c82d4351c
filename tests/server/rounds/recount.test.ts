import { describe, expect, it } from 'vitest';
import { readRoundProjection } from '../../../shared/model/prioritisation/projection.ts';
import { tallyRound } from '../../../shared/model/prioritisation/tally.ts';
import { BallotSchema } from '../../../shared/schemas/ballots.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { seededRandom as seeded } from '../../../shared/model/seededRandom.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

describe('the count', () => {
  it('equals a recount from the stored ballots after 200 concurrent ballot changes', async () => {
    const world = await buildRoundsWorld();
    const voters = await Promise.all(Array.from({ length: 20 }, (_, index) => world.join(`Voter ${index + 1}`)));
    const round = await world.openRound({
      visibility: 'live',
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
    });
    const ids = candidateIds(round);
    const watcher = await world.projectionClient(world.facilitator);
    const random = seeded(20_261_126);
    const randomBallot = () => {
      const dots: Record<string, number> = {};
      let left = 1 + Math.floor(random() * 5);
      while (left > 0) {
        const id = ids[Math.floor(random() * ids.length)]!;
        if ((dots[id] ?? 0) < 3) {
          dots[id] = (dots[id] ?? 0) + 1;
          left -= 1;
        }
      }
      return { method: 'dots' as const, dots };
    };
    const changes = Array.from({ length: 200 }, (_, index) => ({
      voter: voters[index % voters.length]!,
      ballot: randomBallot(),
    }));
    const answers = await Promise.all(changes.map(({ voter, ballot }) => cast(voter, round.id, ballot)));
    expect(answers.map((answer) => answer.status)).toEqual(changes.map(() => 200));
    expect(new Set(answers.map((answer) => answer.body.version)).size).toBe(200);

    // In the order the server counts them (by their random ids), so even floating-point sums agree.
    const stored = await world.server.store.db
      .selectFrom('ballots')
      .select(['content', 'organisation'])
      .where('round_id', '=', round.id)
      .orderBy('id')
      .execute();
    expect(stored).toHaveLength(20);
    const shown = await world.facilitator.api.request<Round>('GET', `/api/rounds/${round.id}`);
    const recount = tallyRound({
      roundId: round.id,
      state: 'open',
      settings: round.settings,
      candidates: round.candidates,
      ballots: stored.map((row) => ({
        ballot: BallotSchema.parse(JSON.parse(row.content)),
        organisation: row.organisation,
      })),
      turnout: shown.body.turnout,
      quorum: round.quorum,
    });
    const official = await world.facilitator.api.request<RoundResults>('GET', `/api/rounds/${round.id}/results`);
    // A named round also tells its facilitator who voted how: one row per voter, beside the same count.
    const { byPerson, ...counted } = official.body;
    expect(counted).toEqual(recount);
    expect(byPerson).toHaveLength(20);
    expect(shown.body.turnout).toEqual({ voted: 20, eligible: 20 });
    expect(shown.body.version).toBe(200);
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.version).toBe(200));
    expect(readRoundProjection(watcher.doc, round.id)?.results).toEqual(recount);
  });
});
