import { createHash, createHmac } from 'node:crypto';
import fs from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import type { RoundVoters } from '../../../shared/schemas/rounds.ts';
import { ballotKeyFor } from '../../../server/rounds/ballotKeys.ts';
import { sqliteFile } from '../../../server/store/openStore.ts';
import type { Store } from '../../../server/store/Store.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

type Row = Record<string, unknown>;

/** Every row of the tables that could say anything about a ballot or its voter. */
async function everyRow(store: Store) {
  const { db } = store;
  return {
    ballots: (await db.selectFrom('ballots').selectAll().execute()) as Row[],
    roundVoters: (await db.selectFrom('round_voters').selectAll().execute()) as Row[],
    roundSecrets: (await db.selectFrom('round_secrets').selectAll().execute()) as Row[],
    auditLog: (await db.selectFrom('audit_log').selectAll().orderBy('id').execute()) as Row[],
  };
}

/** A round's ballots in the order the database stores them: no ORDER BY on SQLite, heap order on PostgreSQL. */
async function physicalOrder(store: Store, roundId: string): Promise<Row[]> {
  const query =
    store.kind === 'postgres'
      ? sql<Row>`select * from ballots where round_id = ${roundId} order by ctid`
      : sql<Row>`select * from ballots where round_id = ${roundId}`;
  return (await query.execute(store.db)).rows;
}

describe('anonymous rounds', () => {
  it('after close, no row anywhere links a voter to a ballot, and nobody can retrieve "my ballot"', async () => {
    const world = await buildRoundsWorld();
    const { store } = world.server;
    const voters = [];
    for (const name of ['Amira', 'Ben', 'Chloe', 'Dev', 'Ewa', 'Femi', 'Gus', 'Hana'])
      voters.push(await world.join(name));
    const round = await world.openRound({ anonymous: true, visibility: 'after-close' });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];
    // Eight different ballots, cast one after another in this order.
    const choices = [
      { [c1]: 1 },
      { [c1]: 2 },
      { [c1]: 3 },
      { [c2]: 1 },
      { [c2]: 2 },
      { [c2]: 3 },
      { [c3]: 1 },
      { [c3]: 1, [c1]: 1 },
    ];
    for (const [index, voter] of voters.entries()) {
      expect((await cast(voter, round.id, { method: 'dots', dots: choices[index]! })).status).toBe(200);
    }
    // While open, each voter can find (and change) their own ballot: it is keyed by an HMAC under the round's secret.
    const mine = await voters[0]!.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(mine.body.ballot).toEqual({ method: 'dots', dots: choices[0] });
    const secretRow = await store.db
      .selectFrom('round_secrets')
      .select('secret')
      .where('round_id', '=', round.id)
      .executeTakeFirstOrThrow();
    const secret = Buffer.from(secretRow.secret);
    const openKeys = voters.map((voter) => ballotKeyFor(`user:${voter.userId}`, secret));
    const openBallots = await store.db
      .selectFrom('ballots')
      .select(['id', 'ballot_key'])
      .where('round_id', '=', round.id)
      .execute();
    expect(openBallots.map((row) => row.ballot_key).sort()).toEqual([...openKeys].sort());

    expect((await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);
    const rows = await everyRow(store);
    // The secret is gone: nobody can compute a voter's key again.
    expect(rows.roundSecrets.filter((row) => row.round_id === round.id)).toEqual([]);
    const ballots = rows.ballots.filter((row) => row.round_id === round.id);
    expect(ballots).toHaveLength(8);
    // The receipt hash stays: the SHA-256 of a random code given to the voter and stored nowhere with their name.
    expect(Object.keys(ballots[0]!).sort()).toEqual([
      'ballot_key',
      'content',
      'id',
      'organisation',
      'receipt_hash',
      'round_id',
    ]);
    for (const ballot of rows.ballots) {
      expect(String(ballot.ballot_key)).not.toMatch(/^h:/);
      expect(ballot.ballot_key).toMatch(/^sealed:[0-9a-f]{32}$/);
    }
    // Fresh ids and keys: nothing of the rows as they were while the round was open.
    const sealedIds = new Set(ballots.map((row) => row.id));
    for (const { id } of openBallots) expect(sealedIds.has(id)).toBe(false);
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
    const traces = [
      ...openKeys,
      ...openKeys.map((key) => key.slice(2)),
      ...openBallots.map((row) => row.id),
      secret.toString('hex'),
    ];
    for (const ballot of ballots) {
      expect(ballot.organisation).toBeNull();
      const text = JSON.stringify(ballot);
      for (const identity of [...identities, ...digests, ...traces]) expect(text).not.toContain(identity);
    }
    // The order the rows are stored in is not the order they were cast in (8! orders: a false alarm 1 in 40,320).
    const stored = (await physicalOrder(store, round.id)).map((row) =>
      choices.findIndex((choice) =>
        isDeepStrictEqual((JSON.parse(String(row.content)) as { dots: unknown }).dots, choice),
      ),
    );
    expect([...stored].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(stored).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    // Who voted is still known (turnout), but that table holds nothing about ballots, nor when anyone voted.
    const voterRows = rows.roundVoters.filter((row) => row.round_id === round.id);
    expect(voterRows).toHaveLength(8);
    expect(Object.keys(voterRows[0]!).sort()).toEqual(['organisation', 'round_id', 'user_id', 'voted_at', 'voter_key']);
    expect(voterRows.map((row) => row.voted_at)).toEqual(voterRows.map(() => ''));
    for (const row of voterRows) for (const trace of traces) expect(JSON.stringify(row)).not.toContain(trace);
    // The audit log says a ballot was cast, never what it said, nor under which key.
    const castEntries = rows.auditLog.filter((entry) => entry.action === 'ballot.cast');
    expect(castEntries.map((entry) => JSON.parse(String(entry.details)) as Row)).toEqual(
      voters.map(() => ({ replaced: false })),
    );
    const auditText = JSON.stringify(rows.auditLog);
    for (const trace of [
      ...traces,
      ...ballots.map((row) => String(row.id)),
      ...ballots.map((row) => String(row.ballot_key)),
    ]) {
      expect(auditText).not.toContain(trace);
    }
    for (const candidate of [c1, c2, c3]) expect(JSON.stringify(castEntries)).not.toContain(candidate);

    if (store.kind === 'sqlite') {
      // Nor does the database file, nor its write-ahead log: the seal ran with secure_delete on, then checkpointed.
      const file = sqliteFile(world.server.dataDir);
      const bytes = Buffer.concat(
        [file, `${file}-wal`].filter((name) => fs.existsSync(name)).map((name) => fs.readFileSync(name)),
      );
      expect(bytes.length).toBeGreaterThan(0);
      for (const key of openKeys) expect(bytes.includes(Buffer.from(key.slice(2)))).toBe(false);
      expect(bytes.includes(secret)).toBe(false);
    }

    const sealed = await voters[0]!.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(sealed.body).toEqual({ hasVoted: true, ballot: null, sealed: true });
    const results = await voters[0]!.api.request<{ candidates: { candidateId: string; aggregate: number }[] }>(
      'GET',
      `/api/rounds/${round.id}/results`,
    );
    expect(results.body.candidates.map((c) => [c.candidateId, c.aggregate])).toEqual([
      [c1, 7],
      [c2, 6],
      [c3, 2],
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
    const zara = await world.join('Zara');
    const adam = await world.join('Adam');
    await world.join('Mo');
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
