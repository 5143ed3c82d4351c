import { describe, expect, it } from 'vitest';
import type { MyBallot } from '../../../shared/schemas/ballots.ts';
import { buildRoundsWorld, candidateIds, type Participant, type RoundsWorld } from './roundsWorld.ts';

interface Answer {
  status: number;
  etag: string | null;
  body: MyBallot & {
    error?: { code: string; message: string; current?: MyBallot & { etag: string } };
  };
}

/** One tab of a voter's browser: the request with their cookie, and the ETag the server answered with. */
async function send(
  world: RoundsWorld,
  participant: Participant,
  method: 'GET' | 'PUT',
  roundId: string,
  ballot?: unknown,
  ifMatch?: string,
): Promise<Answer> {
  const response = await fetch(`${world.server.url}/api/rounds/${roundId}/ballot`, {
    method,
    headers: {
      ...participant.headers,
      ...(ballot === undefined ? {} : { 'content-type': 'application/json' }),
      ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
    },
    ...(ballot === undefined ? {} : { body: JSON.stringify(ballot) }),
  });
  return {
    status: response.status,
    etag: response.headers.get('etag'),
    body: (await response.json()) as Answer['body'],
  };
}

describe('a stale tab cannot silently replace a newer ballot (If-Match)', () => {
  it('refuses a change based on an older version with 409 and the ballot as it is now', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound();
    const [c1, c2] = candidateIds(round) as [string, string];

    // Two tabs load the empty ballot.
    const before = await send(world, amira, 'GET', round.id);
    expect(before.etag).toBe('"none"');

    // Tab A saves; its answer carries the new version.
    const first = await send(world, amira, 'PUT', round.id, { method: 'dots', dots: { [c1]: 3 } }, before.etag!);
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"b-[\w-]{22}"$/);
    const loaded = await send(world, amira, 'GET', round.id);
    expect(loaded.etag).toBe(first.etag);

    // Tab B, still on the empty ballot, tries to save: refused, and told what is there now.
    const stale = await send(world, amira, 'PUT', round.id, { method: 'dots', dots: { [c2]: 1 } }, before.etag!);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.code).toBe('ballot_changed');
    expect(stale.body.error?.message).toBe(
      'You changed this ballot elsewhere (another tab or device) after this screen loaded it, so it was not ' +
        'replaced. Check the ballot as it is now, then save again if you still want your changes.',
    );
    expect(stale.body.error?.current).toEqual({
      hasVoted: true,
      ballot: { method: 'dots', dots: { [c1]: 3 } },
      sealed: false,
      etag: first.etag,
    });
    const kept = await send(world, amira, 'GET', round.id);
    expect(kept.body.ballot).toEqual({ method: 'dots', dots: { [c1]: 3 } });

    // Saving again with the version it was shown goes through, and moves the version on.
    const retried = await send(world, amira, 'PUT', round.id, { method: 'dots', dots: { [c2]: 1 } }, first.etag!);
    expect(retried.status).toBe(200);
    expect(retried.etag).not.toBe(first.etag);
    // Tab A's version is now the stale one.
    expect((await send(world, amira, 'PUT', round.id, { method: 'dots', dots: { [c1]: 2 } }, first.etag!)).status).toBe(
      409,
    );

    // Without If-Match (scripts) a ballot is replaced as before.
    const script = await send(world, amira, 'PUT', round.id, { method: 'dots', dots: { [c1]: 1 } });
    expect(script.status).toBe(200);
    expect((await send(world, amira, 'GET', round.id)).body.ballot).toEqual({ method: 'dots', dots: { [c1]: 1 } });
    const turnout = await world.facilitator.api.request<{ turnout: unknown }>('GET', `/api/rounds/${round.id}`);
    expect(turnout.body.turnout).toEqual({ voted: 1, eligible: 1 });
  });

  it('treats a colleague’s change to the organisation’s ballot as a newer version, in anonymous rounds too', async () => {
    const world = await buildRoundsWorld();
    const nadia = await world.join('Nadia', { organisation: 'NHS Riverside' });
    const noor = await world.join('Noor', { organisation: 'NHS Riverside' });
    const round = await world.openRound({
      eligibility: 'one-per-organisation',
      anonymous: true,
      visibility: 'after-close',
    });
    const [c1, c2] = candidateIds(round) as [string, string];
    const seenByNoor = await send(world, noor, 'GET', round.id);
    expect(seenByNoor.etag).toBe('"none"');
    expect((await send(world, nadia, 'PUT', round.id, { method: 'dots', dots: { [c1]: 2 } }, '"none"')).status).toBe(
      200,
    );
    const stale = await send(world, noor, 'PUT', round.id, { method: 'dots', dots: { [c2]: 2 } }, seenByNoor.etag!);
    expect(stale.status).toBe(409);
    expect(stale.body.error?.message).toMatch(
      /^You changed this ballot elsewhere .*or a colleague changed it for your organisation/,
    );
    expect(stale.body.error?.current?.ballot).toEqual({ method: 'dots', dots: { [c1]: 2 } });
    // `*` means "whatever is there now": accepted once a ballot exists.
    expect((await send(world, noor, 'PUT', round.id, { method: 'dots', dots: { [c2]: 2 } }, '*')).status).toBe(200);
  });
});
