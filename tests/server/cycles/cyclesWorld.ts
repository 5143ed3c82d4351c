import { addTestMember, createTestPartnership } from '../../helpers/storeFactories.ts';
import { expect } from 'vitest';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import type { Decision } from '../../../shared/schemas/decisions.ts';
import type { CandidateInput, Round } from '../../../shared/schemas/rounds.ts';
import { buildRoundsWorld, type Participant, type RoundsWorld } from '../rounds/roundsWorld.ts';

/** The rounds world (a real server with sessions, a partnership, a facilitator) plus board-cycle helpers. */
export interface CyclesWorld extends RoundsWorld {
  base: string;
  /** Schedules a meeting as the facilitator; it must succeed. */
  scheduleMeeting: (fields?: { title?: string; startsAt?: string; place?: string }) => Promise<Meeting>;
  /** Opens a round on the candidates, closes it and records the decision; returns the round and decision. */
  decide: (
    candidates: CandidateInput[],
    decision: { statement: string; reviewDate: string },
  ) => Promise<{ round: Round; decision: Decision }>;
}

export async function buildCyclesWorld(): Promise<CyclesWorld> {
  const world = await buildRoundsWorld();
  const base = `/api/partnerships/${world.partnershipId}`;
  const facilitator: Participant = world.facilitator;
  const scheduleMeeting: CyclesWorld['scheduleMeeting'] = async (fields = {}) => {
    const { status, body } = await facilitator.api.request<Meeting>('POST', `${base}/meetings`, {
      title: 'March partnership board',
      startsAt: '2027-03-14T10:00:00Z',
      place: 'Riverside Town Hall',
      ...fields,
    });
    expect(status, JSON.stringify(body)).toBe(201);
    return body;
  };
  const decide: CyclesWorld['decide'] = async (candidates, decision) => {
    const round = await world.openRound({ candidates });
    expect((await facilitator.api.request('POST', `/api/rounds/${round.id}/close`)).status).toBe(200);
    const recorded = await facilitator.api.request<Decision>('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: [round.candidates[0]!.id],
      ...decision,
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    return { round, decision: recorded.body };
  };
  return { ...world, base, scheduleMeeting, decide };
}

/** The columns of the local data template the tests fill in. */
export const observationsHeader = 'Metric id,Area code,Period,Value,Lower CI (95%),Upper CI (95%),Count';

/** Imports local observations (CSV, raw body) as the facilitator, as the evidence screen does; it must succeed. */
export async function importCsv(world: CyclesWorld, csv: string): Promise<void> {
  const response = await fetch(`${world.server.url}${world.base}/observations/import/local?fileName=local.csv`, {
    method: 'POST',
    headers: { ...world.facilitator.headers, 'content-type': 'text/csv' },
    body: csv,
  });
  expect(response.status, await response.clone().text()).toBe(200);
}

/** A second partnership on the same server, run by the world's facilitator too (for cross-partnership checks). */
export async function secondPartnership(world: CyclesWorld): Promise<string> {
  const other = await createTestPartnership(world.server.store, `${world.partnershipId}-other`, {
    name: 'Other',
    areaName: 'Other',
    areaCode: 'E09000001',
  });
  await addTestMember(world.server.store, other.id, world.facilitator.userId, {
    role: 'facilitator',
    organisation: 'Riverside Council',
  });
  return other.id;
}
