import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

describe('casting ballots: nobody can bend the count', () => {
  it('takes the voter from the session: a ballot naming someone else is refused and theirs is untouched', async () => {
    const world = await buildRoundsWorld();
    const amira = world.join('Amira');
    const ben = world.join('Ben');
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
    const amira = world.join('Amira');
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
    const amira = world.join('Amira');
    const round = await world.openRound();
    const other = await world.openRound({ candidates: world.outcomes.slice(3, 5) });
    const stranger = candidateIds(other)[0]!;
    const outside = await cast(amira, round.id, { method: 'dots', dots: { [stranger]: 1 } });
    expect(outside.status).toBe(400);
    expect(outside.body.error?.message).toBe('That is not one of the candidates in this round');
    const wrongMethod = await cast(amira, round.id, { method: 'ranking', order: candidateIds(round) });
    expect(wrongMethod.status).toBe(400);
  });

  it('lets only voting members vote: others get 403, non-members 404', async () => {
    const world = await buildRoundsWorld();
    const viewer = world.join('Vic', { role: 'viewer', voting: false });
    const editor = world.join('Eddie', { role: 'editor', voting: false });
    const outsider = world.outsider('Olive');
    const round = await world.openRound();
    const ballot = { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } };

    for (const person of [viewer, editor, world.facilitator]) {
      const refused = await cast(person, round.id, ballot);
      expect(refused.status).toBe(403);
      expect(refused.body.error?.code).toBe('not_eligible');
    }
    expect((await cast(outsider, round.id, ballot)).status).toBe(404);
    const voting = world.join('Vera', { role: 'viewer', voting: true });
    expect((await cast(voting, round.id, ballot)).status).toBe(200);
  });

  it('refuses ballots before a round opens and after it closes', async () => {
    const world = await buildRoundsWorld();
    const amira = world.join('Amira');
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
    const nhsOne = world.join('Nadia', { organisation: 'NHS Riverside' });
    const nhsTwo = world.join('Noor', { organisation: ' nhs  riverside ' });
    world.join('Colin', { organisation: 'Riverside Council' });
    const round = await world.openRound({ eligibility: 'one-per-organisation' });
    const [c1, c2] = candidateIds(round) as [string, string];

    const first = await cast(nhsOne, round.id, { method: 'dots', dots: { [c1]: 3 } });
    expect(first.body.turnout).toEqual({ voted: 1, eligible: 2 });
    const second = await cast(nhsTwo, round.id, { method: 'dots', dots: { [c2]: 2 } });
    expect(second.status).toBe(200);
    expect(second.body.turnout).toEqual({ voted: 1, eligible: 2 });

    const seenByFirst = await nhsOne.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(seenByFirst.body.ballot).toEqual({ method: 'dots', dots: { [c2]: 2 } });
    const stored = world.server.db.prepare('SELECT COUNT(*) AS n FROM ballots WHERE round_id = ?').get(round.id);
    expect(stored).toEqual({ n: 1 });
  });

  it('lets a voter change their ballot while the round is open, without counting it twice', async () => {
    const world = await buildRoundsWorld();
    const amira = world.join('Amira');
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
});
