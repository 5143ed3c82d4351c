import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast, type RoundsWorld } from './roundsWorld.ts';

/** How many rows of a table belong to the round, read straight from the store. */
async function storedCount(world: RoundsWorld, table: 'ballots' | 'round_voters', roundId: string): Promise<number> {
  const row = await world.server.store.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('casting ballots: nobody can bend the count', () => {
  it('takes the voter from the session: a ballot naming someone else is refused and theirs is untouched', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const ben = await world.join('Ben');
    const round = await world.openRound();
    const [c1] = candidateIds(round);

    const forged = await cast(amira, round.id, { method: 'dots', dots: { [c1!]: 1 }, voterId: ben.userId });
    expect(forged.status).toBe(400);
    const asBen = await cast(amira, round.id, { method: 'dots', dots: { [c1!]: 1 }, userId: ben.userId });
    expect(asBen.status).toBe(400);

    const bens = await ben.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(bens.body).toEqual({ hasVoted: false, ballot: null, sealed: false });
    const after = await world.facilitator.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(after.body.turnout.voted).toBe(0);
  });

  it('refuses more dots than the voter has, and more than the cap on one candidate', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound({ settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 } });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];

    const tooMany = await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2, [c3]: 1 } });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error?.code).toBe('ballot_invalid');
    expect(tooMany.body.error?.message).toBe('You have 5 dots; this ballot uses 6');
    const overCap = await cast(amira, round.id, { method: 'dots', dots: { [c1]: 4 } });
    expect(overCap.status).toBe(400);
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: -1, [c2]: 6 } })).status).toBe(400);
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 1.5 } })).status).toBe(400);

    const ok = await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2 } });
    expect(ok.status).toBe(200);
    expect(ok.body.turnout).toEqual({ voted: 1, eligible: 1 });
  });

  it('refuses a candidate from outside the round, and a ballot in another method', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound();
    const other = await world.openRound({ candidates: world.outcomes.slice(3, 5) });
    const stranger = candidateIds(other)[0]!;
    const outside = await cast(amira, round.id, { method: 'dots', dots: { [stranger]: 1 } });
    expect(outside.status).toBe(400);
    expect(outside.body.error?.message).toBe(`Candidate “${stranger}” is not on this ballot`);
    const wrongMethod = await cast(amira, round.id, { method: 'ranking', order: candidateIds(round) });
    expect(wrongMethod.status).toBe(400);
  });

  it('says in the refusal message itself what is wrong, naming the candidate', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const dots = await world.openRound({ settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 2 } });
    const [d1] = candidateIds(dots) as [string];
    const overCap = await cast(amira, dots.id, { method: 'dots', dots: { [d1]: 3 } });
    expect(overCap.status).toBe(400);
    expect(overCap.body.error?.message).toBe(
      'At most 2 dots can go on one candidate: “Children start school ready to learn” has 3',
    );
    const stranger = await cast(amira, dots.id, { method: 'dots', dots: { notacandidate: 1 } });
    expect(stranger.body.error?.message).toBe('Candidate “notacandidate” is not on this ballot');
    const wrongMethod = await cast(amira, dots.id, { method: 'matrix', placements: {} });
    expect(wrongMethod.body.error?.message).toBe('This round uses dot voting, not need and influence matrix');

    const ranking = await world.openRound({ settings: { method: 'ranking' } });
    const [r1, r2] = candidateIds(ranking) as [string, string];
    const short = await cast(amira, ranking.id, { method: 'ranking', order: [r2, r1] });
    expect(short.status).toBe(400);
    expect(short.body.error?.message).toBe(
      'Put every candidate in the order exactly once: “Parents have good mental health” is missing',
    );

    const matrix = await world.openRound({ settings: { method: 'matrix' } });
    const [m1, m2] = candidateIds(matrix) as [string, string];
    const place = { need: 3, influence: 4 };
    const unrated = await cast(amira, matrix.id, { method: 'matrix', placements: { [m1]: place, [m2]: place } });
    expect(unrated.body.error?.message).toBe(
      'Rate every candidate on both questions: “Parents have good mental health” is not rated yet',
    );
    const after = await world.facilitator.api.request<Round>('GET', `/api/rounds/${matrix.id}`);
    expect(after.body.turnout.voted).toBe(0);
  });

  it('refuses a ballot naming “__proto__” as a candidate or criterion, in every method, like any unknown name', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound();
    const [c1] = candidateIds(round) as [string];
    // Parsed from text, as a request body is: the key is then an own property, as JSON.stringify sends it.
    const ballots = [
      `{"method":"dots","dots":{"${c1}":1,"__proto__":{"polluted":true}}}`,
      `{"method":"dots","dots":{"__proto__":2}}`,
      `{"method":"scores","scores":{"${c1}":{"__proto__":3}}}`,
      `{"method":"matrix","placements":{"__proto__":{"need":5,"influence":5}}}`,
    ].map((text) => JSON.parse(text) as Record<string, unknown>);
    for (const ballot of ballots) {
      const refused = await cast(amira, round.id, ballot);
      expect(refused.status, JSON.stringify(ballot)).toBe(400);
      expect(refused.body.error?.message).toContain('“__proto__”');
    }
    const after = await world.facilitator.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(after.body.turnout.voted).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('lets only voting members vote: others get 403, non-members 404', async () => {
    const world = await buildRoundsWorld();
    const viewer = await world.join('Vic', { role: 'viewer', voting: false });
    const editor = await world.join('Eddie', { role: 'editor', voting: false });
    const outsider = await world.outsider('Olive');
    const voting = await world.join('Vera', { role: 'viewer', voting: true });
    const round = await world.openRound();
    const ballot = { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } };

    for (const person of [viewer, editor, world.facilitator]) {
      const refused = await cast(person, round.id, ballot);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('not_eligible');
    }
    expect((await cast(outsider, round.id, ballot)).status).toBe(404);
    // Vera was a voting member when the round opened (who votes is fixed then: see electorate.test.ts).
    expect((await cast(voting, round.id, ballot)).status).toBe(200);
  });

  it('refuses ballots before a round opens and after it closes', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const draft = await world.createRound();
    const ballot = { method: 'dots', dots: { [candidateIds(draft)[0]!]: 1 } };
    // Members do not see drafts at all.
    expect((await cast(amira, draft.id, ballot)).status).toBe(404);

    await world.facilitator.api.request('POST', `/api/rounds/${draft.id}/open`);
    expect((await cast(amira, draft.id, ballot)).status).toBe(200);
    await world.facilitator.api.request('POST', `/api/rounds/${draft.id}/close`);
    const late = await cast(amira, draft.id, ballot);
    expect(late.status).toBe(409);
    expect(late.body.error?.message).toBe('Voting has closed');
  });

  it('keeps one ballot per organisation: a colleague’s ballot replaces it and the count stays 1', async () => {
    const world = await buildRoundsWorld();
    const nhsOne = await world.join('Nadia', { organisation: 'NHS Riverside' });
    const nhsTwo = await world.join('Noor', { organisation: ' nhs  riverside ' });
    await world.join('Colin', { organisation: 'Riverside Council' });
    const round = await world.openRound({ eligibility: 'one-per-organisation' });
    const [c1, c2] = candidateIds(round) as [string, string];

    const first = await cast(nhsOne, round.id, { method: 'dots', dots: { [c1]: 3 } });
    expect(first.body.turnout).toEqual({ voted: 1, eligible: 2 });
    const second = await cast(nhsTwo, round.id, { method: 'dots', dots: { [c2]: 2 } });
    expect(second.status).toBe(200);
    expect(second.body.turnout).toEqual({ voted: 1, eligible: 2 });

    const seenByFirst = await nhsOne.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(seenByFirst.body.ballot).toEqual({ method: 'dots', dots: { [c2]: 2 } });
    expect(await storedCount(world, 'ballots', round.id)).toBe(1);
  });

  it('lets a voter change their ballot while the round is open, without counting it twice', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound({ visibility: 'live' });
    const [c1, c2] = candidateIds(round) as [string, string];
    await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3 } });
    const changed = await cast(amira, round.id, { method: 'dots', dots: { [c2]: 1 } });
    expect(changed.body.turnout.voted).toBe(1);
    const results = await amira.api.request<{ candidates: { candidateId: string; aggregate: number }[] }>(
      'GET',
      `/api/rounds/${round.id}/results`,
    );
    expect(results.body.candidates.find((c) => c.candidateId === c1)?.aggregate).toBe(0);
    expect(results.body.candidates.find((c) => c.candidateId === c2)?.aggregate).toBe(1);
  });

  it.each([
    { anonymous: false, visibility: 'live' as const },
    { anonymous: true, visibility: 'after-close' as const },
  ])('counts twenty parallel ballots by one voter once (anonymous: $anonymous)', async ({ anonymous, visibility }) => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    await world.join('Ben');
    const round = await world.openRound({ anonymous, visibility });
    const [c1, c2] = candidateIds(round) as [string, string];
    const ballots = Array.from({ length: 20 }, (_, index) => ({
      method: 'dots' as const,
      dots: { [c1]: 1 + (index % 3), [c2]: Math.floor(index / 3) % 3 },
    }));
    const answers = await Promise.all(ballots.map((ballot) => cast(amira, round.id, ballot)));
    expect(answers.map((answer) => answer.status)).toEqual(ballots.map(() => 200));
    // Each was counted in turn: twenty versions, one voter.
    expect(answers.map((answer) => answer.body.version).sort((a, b) => a - b)).toEqual(ballots.map((_, i) => i + 1));
    for (const answer of answers) expect(answer.body.turnout).toEqual({ voted: 1, eligible: 2 });
    expect(await storedCount(world, 'ballots', round.id)).toBe(1);
    expect(await storedCount(world, 'round_voters', round.id)).toBe(1);
    const audit = await world.server.store.audit.forPartnership(world.partnershipId);
    const replaced = audit.filter((entry) => entry.action === 'ballot.cast').map((entry) => entry.details.replaced);
    // The first cast, then the replacements as one entry (one per voter and round a minute).
    expect(replaced).toEqual([true, false]);
    // The ballot kept is the one counted last.
    const last = answers.findIndex((answer) => answer.body.version === 20);
    const mine = await amira.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(mine.body.ballot).toEqual(ballots[last]);
    const shown = await world.facilitator.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(shown.body).toMatchObject({ version: 20, turnout: { voted: 1, eligible: 2 } });
  });

  it('keeps one ballot per organisation when colleagues cast at the same moment', async () => {
    const world = await buildRoundsWorld();
    const colleagues = [];
    for (const name of ['Nadia', 'Noor', 'Nell'])
      colleagues.push(await world.join(name, { organisation: 'NHS Riverside' }));
    await world.join('Colin', { organisation: 'Riverside Council' });
    const round = await world.openRound({ eligibility: 'one-per-organisation' });
    const [c1, c2] = candidateIds(round) as [string, string];
    const casts = colleagues.flatMap((colleague, who) =>
      Array.from({ length: 6 }, (_, index) => ({
        colleague,
        ballot: { method: 'dots' as const, dots: { [c1]: 1 + who, [c2]: index % 3 } },
      })),
    );
    const answers = await Promise.all(casts.map(({ colleague, ballot }) => cast(colleague, round.id, ballot)));
    expect(answers.map((answer) => answer.status)).toEqual(casts.map(() => 200));
    for (const answer of answers) expect(answer.body.turnout).toEqual({ voted: 1, eligible: 2 });
    expect(await storedCount(world, 'ballots', round.id)).toBe(1);
    expect(await storedCount(world, 'round_voters', round.id)).toBe(1);
    const last = answers.findIndex((answer) => answer.body.version === casts.length);
    const seen = await colleagues[0]!.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(seen.body.ballot).toEqual(casts[last]!.ballot);
  });
});
