import { describe, expect, it } from 'vitest';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import type { Round, RoundVoters } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast, type Participant, type RoundsWorld } from './roundsWorld.ts';

/** Changes a member as a facilitator does on the members screen. */
async function changeMember(
  world: RoundsWorld,
  member: Participant,
  change: { isVotingMember?: boolean; organisation?: string },
): Promise<void> {
  const { status, body } = await world.facilitator.api.request(
    'PATCH',
    `/api/partnerships/${world.partnershipId}/members/${member.userId}`,
    change,
  );
  expect(status, JSON.stringify(body)).toBe(200);
}

async function roundOf(world: RoundsWorld, roundId: string): Promise<Round> {
  return (await world.facilitator.api.request<Round>('GET', `/api/rounds/${roundId}`)).body;
}

async function votersOf(world: RoundsWorld, roundId: string): Promise<RoundVoters> {
  return (await world.facilitator.api.request<RoundVoters>('GET', `/api/rounds/${roundId}/voters`)).body;
}

async function ballotCount(world: RoundsWorld, roundId: string): Promise<number> {
  const row = await world.server.store.db
    .selectFrom('ballots')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('round_id', '=', roundId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('the electorate is frozen when a round opens; membership changes apply from the next round', () => {
  it('keeps a voter whose vote is taken mid-round in the count, and lets nobody new vote until the next round', async () => {
    const world = await buildRoundsWorld();
    const [amira, ben, cara, dev] = [
      await world.join('Amira'),
      await world.join('Ben'),
      await world.join('Cara'),
      await world.join('Dev'),
    ] as [Participant, Participant, Participant, Participant];
    await world.join('Eli');
    const fay = await world.join('Fay', { voting: false });
    // Everyone must vote for the result to count.
    const round = await world.openRound({ visibility: 'live', quorum: 1 });
    const [c1] = candidateIds(round) as [string];
    for (const voter of [amira, ben, cara, dev]) {
      expect((await cast(voter, round.id, { method: 'dots', dots: { [c1]: 1 } })).status).toBe(200);
    }

    // Amira's vote is taken away and Fay is given one, while the round is open.
    await changeMember(world, amira, { isVotingMember: false });
    await changeMember(world, fay, { isVotingMember: true });

    const shown = await roundOf(world, round.id);
    expect(shown.turnout).toEqual({ voted: 4, eligible: 5 });
    const results = await amira.api.request<RoundResults>('GET', `/api/rounds/${round.id}/results`);
    expect(results.status).toBe(200);
    expect(results.body.quorum).toEqual({ required: 1, needed: 5, met: false });
    expect(results.body.candidates.find((c) => c.candidateId === c1)?.aggregate).toBe(4);

    // Amira still votes in this round (she could when it opened); Fay does not, and is told why.
    const changed = await cast(amira, round.id, { method: 'dots', dots: { [c1]: 2 } });
    expect(changed.status).toBe(200);
    expect(changed.body.turnout).toEqual({ voted: 4, eligible: 5 });
    const refused = await cast(fay, round.id, { method: 'dots', dots: { [c1]: 1 } });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.code).toBe('not_eligible');
    expect(refused.body.error?.message).toBe(
      'You became a voting member after this round opened, so you cannot vote in it. ' +
        'Who can vote was fixed when this round opened; changes to members apply from the next round.',
    );
    const fays = await fay.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(fays.body.me.isEligible).toBe(false);
    const amiras = await amira.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(amiras.body.me).toMatchObject({ isEligible: true, hasVoted: true });

    const voters = await votersOf(world, round.id);
    expect(voters.voted.map((voter) => voter.name).sort()).toEqual(['Amira', 'Ben', 'Cara', 'Dev']);
    expect(voters.notVoted).toEqual([{ name: 'Eli', organisation: "Eli's agency" }]);

    // The count frozen at close is the electorate's.
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    expect((await roundOf(world, round.id)).turnout).toEqual({ voted: 4, eligible: 5 });

    // The next round takes the membership as it is now: Fay votes, Amira does not.
    const next = await world.openRound();
    expect(next.turnout).toEqual({ voted: 0, eligible: 5 });
    const nextBallot = { method: 'dots', dots: { [candidateIds(next)[0]!]: 1 } };
    expect((await cast(fay, next.id, nextBallot)).status).toBe(200);
    const notNow = await cast(amira, next.id, nextBallot);
    expect(notNow.status).toBe(403);
    expect(notNow.body.error?.message).toBe(
      'Only voting members can vote in this round. Who can vote was fixed when this round opened; changes to ' +
        'members apply from the next round. If you should be one, ask a facilitator.',
    );
  });

  it('counts a moved member’s ballot for the organisation they had when the round opened', async () => {
    const world = await buildRoundsWorld();
    const nadia = await world.join('Nadia', { organisation: 'NHS Riverside' });
    const colin = await world.join('Colin', { organisation: 'Riverside Council' });
    const sam = await world.join('Sam', { organisation: 'Riverside School' });
    const pat = await world.join('Pat', { organisation: 'Riverside Police' });
    const round = await world.openRound({ eligibility: 'one-per-organisation', visibility: 'live' });
    const [c1, c2] = candidateIds(round) as [string, string];
    for (const voter of [nadia, colin, sam, pat]) {
      expect((await cast(voter, round.id, { method: 'dots', dots: { [c1]: 1 } })).status).toBe(200);
    }

    // Nadia moves to an organisation with no ballot yet, and casts again: it replaces NHS Riverside's ballot.
    await changeMember(world, nadia, { organisation: 'Riverside Health Trust' });
    const again = await cast(nadia, round.id, { method: 'dots', dots: { [c2]: 3 } });
    expect(again.status).toBe(200);
    expect(again.body.turnout).toEqual({ voted: 4, eligible: 4 });
    expect(await ballotCount(world, round.id)).toBe(4);
    const results = await colin.api.request<RoundResults>('GET', `/api/rounds/${round.id}/results`);
    expect(results.body.turnout).toEqual({ voted: 4, eligible: 4 });
    expect(results.body.candidates.find((c) => c.candidateId === c1)?.aggregate).toBe(3);
    expect(results.body.candidates.find((c) => c.candidateId === c2)?.aggregate).toBe(3);

    // Moved back, she is still one voter, for NHS Riverside.
    await changeMember(world, nadia, { organisation: 'NHS Riverside' });
    const voters = await votersOf(world, round.id);
    expect(voters.voted.map((voter) => `${voter.name} (${voter.organisation})`).sort()).toEqual([
      'Colin (Riverside Council)',
      'Nadia (NHS Riverside)',
      'Pat (Riverside Police)',
      'Sam (Riverside School)',
    ]);
    expect(voters.notVoted).toEqual([]);
    expect((await roundOf(world, round.id)).turnout).toEqual({ voted: 4, eligible: 4 });
  });
});
