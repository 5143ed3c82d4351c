import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import type { RoundVoters } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

type Row = Record<string, unknown>;

describe('anonymous rounds', () => {
  it('after close, no row anywhere links a voter to a ballot, and nobody can retrieve "my ballot"', async () => {
    const world = await buildRoundsWorld();
    const voters = [world.join('Amira'), world.join('Ben'), world.join('Chloe')];
    const round = await world.openRound({ anonymous: true, visibility: 'after-close' });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];
    const choices = [{ [c1]: 3 }, { [c2]: 2 }, { [c3]: 1, [c1]: 1 }];
    for (const [index, voter] of voters.entries()) {
      expect((await cast(voter, round.id, { method: 'dots', dots: choices[index]! })).status).toBe(200);
    }
    // While open, each voter can find (and change) their own ballot.
    const mine = await voters[0]!.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(mine.body.ballot).toEqual({ method: 'dots', dots: choices[0] });

    expect((await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);
    const { db } = world.server;
    expect(db.prepare('SELECT * FROM round_secrets WHERE round_id = ?').all(round.id)).toEqual([]);
    const ballots = db.prepare('SELECT * FROM ballots WHERE round_id = ?').all(round.id) as Row[];
    expect(ballots).toHaveLength(3);
    expect(Object.keys(ballots[0]!).sort()).toEqual(['ballot_key', 'content', 'id', 'organisation', 'round_id']);
    const identities = voters.flatMap((voter) => [
      voter.userId,
      `user:${voter.userId}`,
      voter.name,
      voter.organisation,
    ]);
    const digests = identities.flatMap((identity) => [
      createHash('sha256').update(identity).digest('hex'),
      createHmac('sha256', '').update(identity).digest('hex'),
    ]);
    for (const ballot of ballots) {
      expect(ballot.organisation).toBeNull();
      expect(ballot.ballot_key).toMatch(/^sealed:[0-9a-f]{32}$/);
      const text = JSON.stringify(ballot);
      for (const identity of [...identities, ...digests]) expect(text).not.toContain(identity);
    }
    // Who voted is still known (turnout), but that table holds nothing about ballots.
    const voterRows = db.prepare('SELECT * FROM round_voters WHERE round_id = ?').all(round.id) as Row[];
    expect(voterRows).toHaveLength(3);
    expect(Object.keys(voterRows[0]!).sort()).toEqual(['organisation', 'round_id', 'user_id', 'voted_at', 'voter_key']);
    // The audit log says a ballot was cast, never what it said.
    const audit = db.prepare("SELECT details FROM audit_log WHERE action = 'ballot.cast'").all() as {
      details: string;
    }[];
    expect(audit.map((entry) => JSON.parse(entry.details) as Row)).toEqual([
      { replaced: false },
      { replaced: false },
      { replaced: false },
    ]);

    const sealed = await voters[0]!.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(sealed.body).toEqual({ hasVoted: true, ballot: null, sealed: true });
    const results = await voters[0]!.api.request<{ candidates: { candidateId: string; aggregate: number }[] }>(
      'GET',
      `/api/rounds/${round.id}/results`,
    );
    expect(results.body.candidates.map((c) => [c.candidateId, c.aggregate])).toEqual([
      [c1, 4],
      [c2, 2],
      [c3, 1],
    ]);
  });

  it('show results only when they close: live or after-vote figures could be matched to each voter', async () => {
    const world = await buildRoundsWorld();
    const refused = (response: { status: number; body: unknown }) => {
      expect(response.status).toBe(400);
      expect(JSON.stringify(response.body)).toContain('An anonymous round shows its results when it closes');
    };
    for (const visibility of ['live', 'after-vote'] as const) {
      refused(
        await world.facilitator.api.request('POST', `/api/partnerships/${world.partnershipId}/rounds`, {
          title: 'Anonymous and live',
          candidates: (await world.createRound()).candidates.map(({ kind, refId, label }) => ({ kind, refId, label })),
          settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 },
          anonymous: true,
          visibility,
        }),
      );
    }
    // A draft cannot get there in two steps either, whichever setting changes last.
    const anonymous = await world.createRound({ anonymous: true });
    refused(await world.facilitator.api.request('PATCH', `/api/rounds/${anonymous.id}`, { visibility: 'live' }));
    const live = await world.createRound({ visibility: 'live' });
    refused(await world.facilitator.api.request('PATCH', `/api/rounds/${live.id}`, { anonymous: true }));
    const both = await world.facilitator.api.request('PATCH', `/api/rounds/${live.id}`, {
      anonymous: true,
      visibility: 'after-close',
    });
    expect(both.status).toBe(200);
  });

  it('cannot be reopened, nor made named once it has opened', async () => {
    const world = await buildRoundsWorld();
    const round = await world.openRound({ anonymous: true });
    const edit = await world.facilitator.api.request('PATCH', `/api/rounds/${round.id}`, { anonymous: false });
    expect(edit.status).toBe(409);
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const reopen = await world.facilitator.api.request<{ error: { code: string } }>(
      'POST',
      `/api/rounds/${round.id}/reopen`,
      {},
    );
    expect(reopen.status).toBe(409);
    expect(reopen.body.error.code).toBe('anonymous_round');
  });

  it('lets facilitators verify turnout by name, alphabetically and without times', async () => {
    const world = await buildRoundsWorld();
    const zara = world.join('Zara');
    const adam = world.join('Adam');
    world.join('Mo');
    const round = await world.openRound({ anonymous: true });
    await cast(zara, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } });
    await cast(adam, round.id, { method: 'dots', dots: { [candidateIds(round)[1]!]: 1 } });
    const { status, body } = await world.facilitator.api.request<RoundVoters>('GET', `/api/rounds/${round.id}/voters`);
    expect(status).toBe(200);
    expect(body.voted.map((voter) => [voter.name, voter.votedAt])).toEqual([
      ['Adam', null],
      ['Zara', null],
    ]);
    expect(body.notVoted.map((voter) => voter.name)).toEqual(['Mo']);
    expect((await zara.api.request('GET', `/api/rounds/${round.id}/voters`)).status).toBe(403);
  });
});
