import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { tallyRound } from '../../../shared/model/prioritisation/tally.ts';
import { PublishedBallotsSchema, type PublishedBallots } from '../../../shared/schemas/ballots.ts';
import { buildRoundsWorld, candidateIds, cast, type Participant } from './roundsWorld.ts';

/** The receipt's hash as the test states the rule: SHA-256 of the code upper-cased without its dashes. */
const hashOf = (receipt: string): string =>
  createHash('sha256').update(receipt.replace(/-/g, '').toUpperCase()).digest('hex');

async function published(participant: Participant, roundId: string) {
  const response = await participant.api.request<PublishedBallots>('GET', `/api/rounds/${roundId}/published-ballots`);
  return { status: response.status, body: response.body };
}

describe('verifiable ballots: receipts and the published list', () => {
  it("gives each accepted ballot a receipt found exactly once in the closed round's list, as cast", async () => {
    const world = await buildRoundsWorld();
    const voters = [];
    for (const name of ['Amira', 'Ben', 'Chloe', 'Dev']) voters.push(await world.join(name));
    const round = await world.openRound({ anonymous: true, visibility: 'after-close' });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];
    const ballots = [{ [c1]: 3 }, { [c2]: 2, [c3]: 1 }, { [c1]: 1, [c3]: 2 }, { [c2]: 3 }];
    const receipts: string[] = [];
    for (const [index, voter] of voters.entries()) {
      const { status, body } = await cast(voter, round.id, { method: 'dots', dots: ballots[index]! });
      expect(status).toBe(200);
      expect(body.receipt).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){7}[0-9A-HJKMNP-TV-Z]{4}$/);
      receipts.push(body.receipt);
    }
    // Ben changes his mind: his first receipt no longer matches anything counted, his new one does.
    const changed = await cast(voters[1]!, round.id, { method: 'dots', dots: { [c3]: 3 } });
    const stale = receipts[1]!;
    receipts[1] = changed.body.receipt;
    ballots[1] = { [c3]: 3 };
    expect(new Set([...receipts, stale]).size).toBe(5);

    // Nothing is published while the list could still change.
    expect((await published(voters[0]!, round.id)).status).toBe(409);
    expect((await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);

    const list = PublishedBallotsSchema.parse((await published(voters[0]!, round.id)).body);
    expect(list.ballots).toHaveLength(4);
    for (const [index, receipt] of receipts.entries()) {
      const mine = list.ballots.filter((entry) => entry.receiptHash === hashOf(receipt));
      expect(mine).toHaveLength(1);
      expect(mine[0]!.ballot).toEqual({ method: 'dots', dots: ballots[index] });
    }
    expect(list.ballots.some((entry) => entry.receiptHash === hashOf(stale))).toBe(false);
    // The digest is the SHA-256 of the list as sent, so two people can check they were shown the same one.
    expect(list.digest).toBe(createHash('sha256').update(JSON.stringify(list.ballots)).digest('hex'));
  });

  it('lets anyone recount the published list and get the published result', async () => {
    const world = await buildRoundsWorld();
    const voters = [];
    for (const name of ['Amira', 'Ben', 'Chloe']) voters.push(await world.join(name));
    const round = await world.openRound({ visibility: 'after-close' });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];
    await cast(voters[0]!, round.id, { method: 'dots', dots: { [c1]: 2, [c2]: 1 } });
    await cast(voters[1]!, round.id, { method: 'dots', dots: { [c2]: 3 } });
    await cast(voters[2]!, round.id, { method: 'dots', dots: { [c1]: 1, [c3]: 2 } });
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const list = PublishedBallotsSchema.parse((await published(voters[2]!, round.id)).body);

    // A recount by hand from the list: total dots per candidate (c1 2+1 = 3, c2 1+3 = 4, c3 2).
    const totals = new Map<string, number>();
    for (const { ballot } of list.ballots) {
      if (ballot.method !== 'dots') throw new Error('a dots round publishes dots ballots');
      for (const [candidate, dots] of Object.entries(ballot.dots))
        totals.set(candidate, (totals.get(candidate) ?? 0) + dots);
    }
    expect(Object.fromEntries(totals)).toEqual({ [c1]: 3, [c2]: 4, [c3]: 2 });
    const publishedTotals = Object.fromEntries(list.results.candidates.map((row) => [row.candidateId, row.aggregate]));
    expect(publishedTotals).toEqual({ [c1]: 3, [c2]: 4, [c3]: 2 });
    // And the product's own count, run on nothing but the published list, reproduces the published results whole.
    const recount = tallyRound({
      roundId: list.roundId,
      state: 'closed',
      settings: list.settings,
      candidates: list.candidates,
      ballots: list.ballots,
      turnout: list.turnout,
      quorum: list.quorum,
    });
    expect(recount).toEqual(list.results);
  });

  it("names nobody in an anonymous round's list, and its order says nothing of who voted when", async () => {
    const world = await buildRoundsWorld();
    const voters = [];
    for (const name of ['Amira', 'Ben', 'Chloe', 'Dev', 'Ewa', 'Femi']) {
      voters.push(await world.join(name, { organisation: `Org ${name}` }));
    }
    const round = await world.openRound({ anonymous: true, visibility: 'after-close' });
    const [c1] = candidateIds(round) as [string];
    const receipts = [];
    for (const [index, voter] of voters.entries()) {
      const { status, body } = await cast(voter, round.id, { method: 'dots', dots: { [c1]: (index % 3) + 1 } });
      expect(status).toBe(200);
      receipts.push(body.receipt);
    }
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const response = await published(world.facilitator, round.id);
    const text = JSON.stringify(response.body);
    for (const voter of voters) {
      expect(text).not.toContain(voter.name);
      expect(text).not.toContain(voter.userId);
      expect(text).not.toContain(voter.organisation);
    }
    const list = PublishedBallotsSchema.parse(response.body);
    expect(list.ballots.every((entry) => entry.organisation === null)).toBe(true);
    // In hash order, not the order of casting.
    const hashes = list.ballots.map((entry) => entry.receiptHash!);
    expect(hashes).toEqual([...hashes].sort());
    expect(new Set(hashes)).toEqual(new Set(receipts.map(hashOf)));
    // No receipt code is stored anywhere: only hashes.
    const rows = await world.server.store.db
      .selectFrom('ballots')
      .selectAll()
      .where('round_id', '=', round.id)
      .execute();
    const stored = JSON.stringify(rows);
    for (const receipt of receipts) expect(stored).not.toContain(receipt.replace(/-/g, ''));
    const audit = JSON.stringify(await world.server.store.audit.forPartnership(world.partnershipId));
    for (const receipt of receipts) {
      expect(audit).not.toContain(receipt.replace(/-/g, ''));
      expect(audit).not.toContain(hashOf(receipt));
    }
  });

  it('publishes to every member once closed (as the results are), never to outsiders', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const nonVoter = await world.join('Nadia', { voting: false });
    const outsider = await world.outsider('Olu');
    const round = await world.openRound();
    await cast(amira, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } });
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    expect((await published(outsider, round.id)).status).toBe(404);
    expect((await published(nonVoter, round.id)).status).toBe(200);
  });
});
