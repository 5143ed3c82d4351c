import { describe, expect, it } from 'vitest';
import { readRoundProjection } from '../../../shared/model/prioritisation/projection.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

const results = (
  person: { api: { request: <T>(method: string, path: string) => Promise<{ status: number; body: T }> } },
  roundId: string,
) => person.api.request<RoundResults & { error?: { code: string } }>('GET', `/api/rounds/${roundId}/results`);

describe('who voted how (named rounds, for facilitators)', () => {
  it('a named dots round shows the facilitator each person’s ballot, counted by hand, and nobody else', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira', { organisation: 'Riverside Council' });
    const ben = await world.join('Ben', { organisation: 'NHS Riverside' });
    const round = await world.openRound({ visibility: 'live' });
    const [c1, c2, c3] = candidateIds(round) as [string, string, string];
    const watcher = await world.projectionClient(ben);
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c1]: 2 } })).status).toBe(200);
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2 } })).status).toBe(200);
    // Ben changes his mind: only the ballot that counts is shown.
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c1]: 1, [c3]: 3 } })).status).toBe(200);

    const seen = await results(world.facilitator, round.id);
    expect(seen.status).toBe(200);
    // By name; one mark per candidate in the round's order: the dots each person placed.
    expect(seen.body.byPerson).toEqual([
      {
        name: 'Amira',
        organisation: 'Riverside Council',
        marks: [
          { candidateId: c1, value: 3 },
          { candidateId: c2, value: 2 },
          { candidateId: c3, value: 0 },
        ],
      },
      {
        name: 'Ben',
        organisation: 'NHS Riverside',
        marks: [
          { candidateId: c1, value: 1 },
          { candidateId: c2, value: 0 },
          { candidateId: c3, value: 3 },
        ],
      },
    ]);
    // The totals still agree with the rows: 3 + 1 on the first candidate, 2 on the second, 3 on the third.
    expect(Object.fromEntries(seen.body.candidates.map((c) => [c.candidateId, c.aggregate]))).toEqual({
      [c1]: 4,
      [c2]: 2,
      [c3]: 3,
    });

    // Voters see the live results, but not each other's ballots; nor does the projection or the CSV.
    const amiraSees = await results(amira, round.id);
    expect(amiraSees.status).toBe(200);
    expect(amiraSees.body).not.toHaveProperty('byPerson');
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.results?.ballots).toBe(2));
    expect(readRoundProjection(watcher.doc, round.id)?.results).not.toHaveProperty('byPerson');
    const csv = await fetch(`${world.facilitator.api.baseUrl}/api/rounds/${round.id}/results/csv`, {
      headers: world.facilitator.headers,
    });
    expect(await csv.text()).not.toMatch(/Amira|Ben/);
  });

  it('a ranking gives each person’s places, and weighted scores each person’s weighted score', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira', { organisation: 'Riverside Council' });
    const ben = await world.join('Ben', { organisation: 'NHS Riverside' });
    const ranking = await world.openRound({ settings: { method: 'ranking' }, visibility: 'after-close' });
    const [c1, c2, c3] = candidateIds(ranking) as [string, string, string];
    expect((await cast(amira, ranking.id, { method: 'ranking', order: [c3, c1, c2] })).status).toBe(200);
    expect((await cast(ben, ranking.id, { method: 'ranking', order: [c1, c2, c3] })).status).toBe(200);
    // Hidden from the facilitator too until it closes, as the results are.
    expect((await results(world.facilitator, ranking.id)).status).toBe(403);
    await world.facilitator.api.request('POST', `/api/rounds/${ranking.id}/close`);
    const ranked = await results(world.facilitator, ranking.id);
    expect(ranked.body.byPerson?.map((person) => [person.name, person.marks.map((mark) => mark.value)])).toEqual([
      ['Amira', [2, 3, 1]],
      ['Ben', [1, 2, 3]],
    ]);

    const scores = await world.openRound({
      settings: {
        method: 'scores',
        criteria: [
          { id: 'severity', label: 'Severity', weight: 2 },
          { id: 'reach', label: 'Reach', weight: 1 },
        ],
      },
      visibility: 'live',
    });
    const [s1, s2, s3] = candidateIds(scores) as [string, string, string];
    const amiraScores = {
      [s1]: { severity: 5, reach: 2 },
      [s2]: { severity: 1, reach: 4 },
      [s3]: { severity: 3, reach: 3 },
    };
    expect((await cast(amira, scores.id, { method: 'scores', scores: amiraScores })).status).toBe(200);
    const scored = await results(world.facilitator, scores.id);
    // (2 × 5 + 2) / 3 = 4; (2 × 1 + 4) / 3 = 2; (2 × 3 + 3) / 3 = 3.
    expect(scored.body.byPerson).toEqual([
      {
        name: 'Amira',
        organisation: 'Riverside Council',
        marks: [
          { candidateId: s1, value: 4, criteria: { severity: 5, reach: 2 } },
          { candidateId: s2, value: 2, criteria: { severity: 1, reach: 4 } },
          { candidateId: s3, value: 3, criteria: { severity: 3, reach: 3 } },
        ],
      },
    ]);
  });

  it('one ballot per organisation: a row per organisation, named for the member who cast it last', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira', { organisation: 'Riverside Council' });
    const carl = await world.join('Carl', { organisation: 'Riverside Council' });
    const ben = await world.join('Ben', { organisation: 'NHS Riverside' });
    const round = await world.openRound({ eligibility: 'one-per-organisation', visibility: 'live' });
    const [c1, c2] = candidateIds(round) as [string, string];
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3 } })).status).toBe(200);
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c2]: 1 } })).status).toBe(200);
    // Carl changes the council's ballot: the council still has one row, now his.
    expect((await cast(carl, round.id, { method: 'dots', dots: { [c2]: 2 } })).status).toBe(200);
    const seen = await results(world.facilitator, round.id);
    expect(seen.body.byPerson?.map((row) => [row.organisation, row.name, row.marks.map((mark) => mark.value)])).toEqual(
      [
        ['NHS Riverside', 'Ben', [0, 1, 0]],
        ['Riverside Council', 'Carl', [0, 2, 0]],
      ],
    );
  });

  it('an anonymous round’s answer has no per-person data for anyone, facilitator included', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira', { organisation: 'Riverside Council' });
    const ben = await world.join('Ben', { organisation: 'NHS Riverside' });
    const round = await world.openRound({ anonymous: true, visibility: 'after-close' });
    const [c1, c2] = candidateIds(round) as [string, string];
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2 } })).status).toBe(200);
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c2]: 1 } })).status).toBe(200);
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);

    for (const person of [world.facilitator, amira, ben]) {
      const seen = await results(person, round.id);
      expect(seen.status).toBe(200);
      expect(seen.body).not.toHaveProperty('byPerson');
      const text = JSON.stringify(seen.body);
      for (const who of [amira, ben]) {
        expect(text).not.toContain(who.name);
        expect(text).not.toContain(who.userId);
        expect(text).not.toContain(who.organisation);
      }
    }
    // The count itself is there: 3 dots on the first candidate, 2 + 1 on the second.
    const counted = await results(world.facilitator, round.id);
    expect(Object.fromEntries(counted.body.candidates.map((c) => [c.candidateId, c.aggregate]))).toMatchObject({
      [c1]: 3,
      [c2]: 3,
    });
  });
});
