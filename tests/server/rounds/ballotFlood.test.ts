import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

describe('casting is limited per voter, and a flood of changes is one audit entry', () => {
  it('accepts 30 casts and changes a minute from one voter, then answers 429 with Retry-After', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const ben = await world.join('Ben');
    const round = await world.openRound();
    const [c1, c2] = candidateIds(round) as [string, string];
    for (let change = 1; change <= 30; change++) {
      const answer = await cast(amira, round.id, { method: 'dots', dots: { [c1]: 1 + (change % 3) } });
      expect(answer.status, `change ${change}`).toBe(200);
    }
    const flooded = await fetch(`${world.server.url}/api/rounds/${round.id}/ballot`, {
      method: 'PUT',
      headers: { ...amira.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'dots', dots: { [c2]: 1 } }),
    });
    expect(flooded.status).toBe(429);
    const retryAfter = Number(flooded.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await flooded.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('rate_limited');
    expect(body.error.message).toMatch(
      /^You are changing your ballot faster than this round allows\. Wait \d+ seconds?, then save it again\.$/,
    );

    // Nothing of the refused change was stored or counted; another voter is not held back.
    const mine = await amira.api.request<MyBallot>('GET', `/api/rounds/${round.id}/ballot`);
    expect(mine.body.ballot).toEqual({ method: 'dots', dots: { [c1]: 1 } });
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c2]: 2 } })).status).toBe(200);
    const shown = await world.facilitator.api.request<Round>('GET', `/api/rounds/${round.id}`);
    expect(shown.body).toMatchObject({ version: 31, turnout: { voted: 2, eligible: 2 } });

    // The audit log keeps the flood as one entry (a replaced ballot is one entry a minute), so older entries stay.
    const audit = await world.facilitator.api.request<{ action: string; actorName: string | null; details: unknown }[]>(
      'GET',
      `/api/partnerships/${world.partnershipId}/audit`,
    );
    const casts = audit.body.filter((entry) => entry.action === 'ballot.cast');
    expect(casts.map((entry) => [entry.actorName, entry.details])).toEqual([
      ['Ben', { replaced: false }],
      ['Amira', { replaced: true }],
      ['Amira', { replaced: false }],
    ]);
  });
});
