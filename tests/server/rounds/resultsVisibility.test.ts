import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, SyncMessageType } from '../../../shared/protocol/messageTypes.ts';
import { ballotsDocName } from '../../../shared/protocol/docNames.ts';
import {
  readRoundProjection,
  writePriorities,
  writeRoundProjection,
} from '../../../shared/model/prioritisation/projection.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import { openRawSocket } from '../../helpers/collabClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildRoundsWorld, candidateIds, cast, type Participant, type RoundsWorld } from './roundsWorld.ts';

/** Every way a member could try to read a round's results: the API, the CSV export, the round itself. */
async function readAttempts(person: Participant, roundId: string) {
  const results = await person.api.request<{ error?: { message: string } }>('GET', `/api/rounds/${roundId}/results`);
  const csv = await fetch(`${person.api.baseUrl}/api/rounds/${roundId}/results/csv`, { headers: person.headers });
  const round = await person.api.request<Record<string, unknown>>('GET', `/api/rounds/${roundId}`);
  return { results, csv: { status: csv.status, text: await csv.text() }, round };
}

/** The server's own copy of the projection doc, as JSON. */
async function serverProjection(world: RoundsWorld): Promise<string> {
  await world.server.services.prioritisation.projector.whenIdle();
  const name = ballotsDocName(world.partnershipId);
  const room = await world.server.rooms.acquire(name);
  try {
    return JSON.stringify(room.doc.getMap('rounds').toJSON());
  } finally {
    world.server.rooms.release(name);
  }
}

describe('hidden results stay hidden', () => {
  it('after close: no route, export, round or projection shows them to anyone until the round closes', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const ben = await world.join('Ben');
    const round = await world.openRound({ visibility: 'after-close' });
    const [c1, c2] = candidateIds(round) as [string, string];
    const watcher = await world.projectionClient(ben);
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2 } })).status).toBe(200);
    expect((await cast(ben, round.id, { method: 'dots', dots: { [c1]: 1 } })).status).toBe(200);

    for (const person of [amira, ben, world.facilitator]) {
      const { results, csv, round: shown } = await readAttempts(person, round.id);
      expect(results.status).toBe(403);
      expect(results.body.error?.message).toBe('Results are shown when the round closes.');
      expect(csv.status).toBe(403);
      expect(csv.text).not.toMatch(/Children|Total dots/);
      expect(Object.keys(shown.body)).not.toContain('results');
      expect(JSON.stringify(shown.body)).not.toMatch(/aggregate|distribution/);
    }
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.turnout.voted).toBe(2));
    expect(readRoundProjection(watcher.doc, round.id)?.results).toBeNull();
    expect(await serverProjection(world)).not.toMatch(/aggregate|distribution/);

    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.results?.candidates[0]?.aggregate).toBe(4));
    expect((await ben.api.request('GET', `/api/rounds/${round.id}/results`)).status).toBe(200);
  });

  it('after you vote: 403 until the caller has voted, never in the projection while open', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const ben = await world.join('Ben');
    const round = await world.openRound({ visibility: 'after-vote' });
    const [c1] = candidateIds(round) as [string];
    await cast(amira, round.id, { method: 'dots', dots: { [c1]: 2 } });

    const beforeBenVotes = await readAttempts(ben, round.id);
    expect(beforeBenVotes.results.status).toBe(403);
    expect(beforeBenVotes.results.body.error?.message).toBe('Results are shown once you have voted.');
    expect(beforeBenVotes.csv.status).toBe(403);
    expect((await readAttempts(world.facilitator, round.id)).results.status).toBe(403);

    const amiraSees = await amira.api.request<RoundResults>('GET', `/api/rounds/${round.id}/results`);
    expect(amiraSees.status).toBe(200);
    expect(amiraSees.body.candidates[0]).toMatchObject({ candidateId: c1, aggregate: 2 });
    await cast(ben, round.id, { method: 'dots', dots: { [c1]: 1 } });
    expect((await ben.api.request('GET', `/api/rounds/${round.id}/results`)).status).toBe(200);
    expect(await serverProjection(world)).not.toMatch(/aggregate|distribution/);
  });

  it('the audit log says who voted, never what: a facilitator cannot count hidden ballots from it', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound({ visibility: 'after-close' });
    const [c1, c2] = candidateIds(round) as [string, string];
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c1]: 3, [c2]: 2 } })).status).toBe(200);
    expect((await cast(amira, round.id, { method: 'dots', dots: { [c2]: 1 } })).status).toBe(200);

    const audit = await world.facilitator.api.request<{ action: string; details: unknown }[]>(
      'GET',
      `/api/partnerships/${world.partnershipId}/audit`,
    );
    expect(audit.status).toBe(200);
    const ballotEntries = audit.body.filter((entry) => entry.action === 'ballot.cast');
    expect(ballotEntries.map((entry) => entry.details)).toEqual([{ replaced: true }, { replaced: false }]);
    expect(JSON.stringify(audit.body)).not.toContain(c1);
  });

  it('live: everyone sees the tally, in the API and the projection', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const viewer = await world.join('Vic', { role: 'viewer', voting: false });
    const round = await world.openRound({ visibility: 'live' });
    const watcher = await world.projectionClient(viewer);
    await cast(amira, round.id, { method: 'dots', dots: { [candidateIds(round)[1]!]: 2 } });
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.results?.candidates[0]?.aggregate).toBe(2));
    expect((await viewer.api.request('GET', `/api/rounds/${round.id}/results`)).status).toBe(200);
  });

  it('nobody can write the projection over the socket, facilitators included', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const round = await world.openRound({ visibility: 'after-close' });
    const client = await world.projectionClient(world.facilitator);
    const honest = readRoundProjection(client.doc, round.id)!;
    writeRoundProjection(client.doc, { ...honest, turnout: { voted: 99, eligible: 99 }, state: 'closed' });
    writePriorities(client.doc, []);
    // A hand-made update frame too, as a client bypassing its provider would send.
    const forged = new Y.Doc();
    writeRoundProjection(forged, { ...honest, title: 'Forged' });
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncMessageType.Update);
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(forged));
    const { socket } = await openRawSocket(
      `${world.server.wsUrl}/${ballotsDocName(world.partnershipId)}`,
      amira.headers,
    );
    socket.send(encoding.toUint8Array(encoder));

    await cast(amira, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } });
    const witness = await world.projectionClient(amira);
    await waitFor(() => expect(readRoundProjection(witness.doc, round.id)?.turnout.voted).toBe(1));
    expect(readRoundProjection(witness.doc, round.id)).toMatchObject({ title: round.title, state: 'open' });
    expect(JSON.parse(await serverProjection(world))).not.toHaveProperty([round.id, 'summary', 'title'], 'Forged');
  });
});
