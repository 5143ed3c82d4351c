import { describe, expect, it } from 'vitest';
import type { PublishedBallots } from '../../../shared/schemas/ballots.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import type { CreateRoundRequest, Round } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast, type Participant, type RoundsWorld } from './roundsWorld.ts';

/** Closes a round, follows it up and opens the follow-up, all as the facilitator. */
async function closeAndFollowUp(world: RoundsWorld, roundId: string): Promise<Round> {
  const api = world.facilitator.api;
  expect((await api.request('POST', `/api/rounds/${roundId}/close`)).status).toBe(200);
  const next = await api.request<Round>('POST', `/api/rounds/${roundId}/follow-up`);
  expect(next.status).toBe(201);
  const opened = await api.request<Round>('POST', `/api/rounds/${next.body.id}/open`);
  expect(opened.status).toBe(200);
  return opened.body;
}

const results = (participant: Participant, roundId: string) =>
  participant.api.request<RoundResults>('GET', `/api/rounds/${roundId}/results`);

/** Each candidate's reasons as a round's results carry them, by candidate id. */
const reasonsOf = (body: RoundResults) =>
  Object.fromEntries(body.candidates.map((result) => [result.candidateId, result.reasons]));

/**
 * Round 1 of dots (5 each, at most 3 on one): c1 gets 1, 2, 3 (mean 2, spread 0.82), c2 gets 2 from everyone
 * (mean 2, spread 0), c3 gets 2, 1, 0 (mean 1, spread 0.82). Then a follow-up round is open.
 */
async function roundTwo(overrides: Partial<CreateRoundRequest> = {}) {
  const world = await buildRoundsWorld();
  const amira = await world.join('Amira', { organisation: 'Riverside Health' });
  const ben = await world.join('Ben', { organisation: 'Riverside Schools' });
  const cara = await world.join('Cara', { organisation: 'Riverside Housing' });
  const first = await world.openRound(overrides);
  const [c1, c2, c3] = candidateIds(first) as [string, string, string];
  for (const [voter, dots] of [
    [amira, { [c1]: 1, [c2]: 2, [c3]: 2 }],
    [ben, { [c1]: 2, [c2]: 2, [c3]: 1 }],
    [cara, { [c1]: 3, [c2]: 2 }],
  ] as const) {
    expect((await cast(voter, first.id, { method: 'dots', dots })).status).toBe(200);
  }
  const second = await closeAndFollowUp(world, first.id);
  return { world, amira, ben, cara, first, second, c1, c2, c3 };
}

describe('Delphi: reasons for moving away from the group', () => {
  it('carries a far voter’s reason, without a name, into the round after next', async () => {
    const { world, amira, ben, cara, first, second, c1, c2, c3 } = await roundTwo({ visibility: 'live' });
    // Amira: c1 0 (2 from the mean), c2 3 (1 from a group of one mind): both far. c3 1 sits on the mean.
    const far = await cast(amira, second.id, {
      method: 'dots',
      dots: { [c2]: 3, [c3]: 1 },
      reasons: { [c1]: '  We already fund this  ', [c2]: 'Our waiting list doubled' },
    });
    expect(far.status, JSON.stringify(far.body)).toBe(200);
    expect(far.body.ballot?.reasons).toEqual({ [c1]: 'We already fund this', [c2]: 'Our waiting list doubled' });
    expect((await cast(ben, second.id, { method: 'dots', dots: { [c1]: 2, [c2]: 2, [c3]: 1 } })).status).toBe(200);
    // While round 2 is open its (live) results carry no reasons: one appearing just after a name would say whose.
    const whileOpen = await results(ben, second.id);
    expect(whileOpen.status).toBe(200);
    expect(whileOpen.body.candidates.every((result) => result.reasons === undefined)).toBe(true);
    // Round 1 was no follow-up: its figures carry no reasons at all.
    expect(reasonsOf((await results(ben, first.id)).body)).toEqual({
      [c1]: undefined,
      [c2]: undefined,
      [c3]: undefined,
    });

    const third = await closeAndFollowUp(world, second.id);
    expect(third.followUpOf).toBe(second.id);
    // The third round's "previous" figures: round 2's results, as any voter reads them.
    const previous = await results(cara, third.followUpOf!);
    expect(previous.status).toBe(200);
    expect(reasonsOf(previous.body)).toEqual({
      [c1]: ['We already fund this'],
      [c2]: ['Our waiting list doubled'],
      [c3]: [],
    });
    const text = JSON.stringify(previous.body.candidates.map((result) => result.reasons));
    expect(text).not.toContain('Amira');
    expect(text).not.toContain('Riverside Health');
    // The published list, beside a named round's organisations, carries no reasons.
    const published = await cara.api.request<PublishedBallots>('GET', `/api/rounds/${second.id}/published-ballots`);
    expect(published.status).toBe(200);
    expect(published.body.ballots.map((entry) => entry.ballot.reasons)).toEqual([undefined, undefined]);
  });

  it('keeps an anonymous round’s reasons nameless', async () => {
    const { world, amira, ben, second, c1, c2, c3 } = await roundTwo({ anonymous: true });
    expect(second.anonymous).toBe(true);
    const far = await cast(amira, second.id, {
      method: 'dots',
      dots: { [c2]: 3, [c3]: 1 },
      reasons: { [c2]: 'Our waiting list doubled' },
    });
    expect(far.status, JSON.stringify(far.body)).toBe(200);
    expect((await cast(ben, second.id, { method: 'dots', dots: { [c1]: 2, [c2]: 2, [c3]: 1 } })).status).toBe(200);
    await closeAndFollowUp(world, second.id);

    const previous = await results(ben, second.id);
    expect(previous.status).toBe(200);
    expect(reasonsOf(previous.body)).toEqual({ [c1]: [], [c2]: ['Our waiting list doubled'], [c3]: [] });
    const text = JSON.stringify(previous.body);
    for (const name of ['Amira', 'Riverside Health', amira.userId]) expect(text).not.toContain(name);
    expect(previous.body.candidates.every((result) => result.byOrganisation.length === 0)).toBe(true);
    // The sealed ballots still hold the reason, under random keys.
    const stored = await world.server.store.db
      .selectFrom('ballots')
      .select(['ballot_key', 'organisation', 'content'])
      .where('round_id', '=', second.id)
      .execute();
    expect(stored.filter((row) => row.content.includes('Our waiting list doubled')).length).toBe(1);
    expect(stored.every((row) => row.ballot_key.startsWith('sealed:') && row.organisation === null)).toBe(true);
  });

  it('refuses a reason for a stranger, a __proto__ key, a 201-character reason and a round that follows nothing', async () => {
    const { world, amira, second, c1, c2, c3 } = await roundTwo();
    const ballot = { method: 'dots', dots: { [c2]: 3, [c3]: 1 } };

    const stranger = await cast(amira, second.id, { ...ballot, reasons: { zz9: 'Not ours' } });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error?.message).toBe('Candidate “zz9” is not on this ballot');

    // An own `__proto__` key, as JSON.parse makes one (an object literal would set the prototype instead).
    const proto = await cast(amira, second.id, {
      ...ballot,
      reasons: JSON.parse('{"__proto__": "Not ours"}') as object,
    });
    expect(proto.status).toBe(400);
    expect(proto.body.error?.message).toContain('“__proto__”');

    const long = await cast(amira, second.id, { ...ballot, reasons: { [c1]: 'x'.repeat(201) } });
    expect(long.status).toBe(400);
    expect(long.body.error?.message).toBe(
      'The reason for “Children start school ready to learn” is 201 characters: keep it to one line of at most 200',
    );

    const close = await cast(amira, second.id, { ...ballot, reasons: { [c3]: 'Just because' } });
    expect(close.status).toBe(400);
    expect(close.body.error?.message).toBe(
      'Your mark for “Parents have good mental health” is close to last round’s group, so no reason is asked for: leave it out',
    );

    const fresh = await world.openRound({ candidates: world.outcomes.slice(0, 3) });
    const [f1] = candidateIds(fresh) as [string];
    const notFollowUp = await cast(amira, fresh.id, { method: 'dots', dots: { [f1]: 1 }, reasons: { [f1]: 'Why' } });
    expect(notFollowUp.status).toBe(400);
    expect(notFollowUp.body.error?.message).toBe(
      'This round is not a follow-up of an earlier round, so there is no group to move away from: leave out reasons',
    );
    // Nothing refused was stored.
    const mine = await amira.api.request<{ hasVoted: boolean }>('GET', `/api/rounds/${second.id}/ballot`);
    expect(mine.body.hasVoted).toBe(false);
  });
});
