import { describe, expect, it } from 'vitest';
import { updateOutcome } from '../../../shared/model/framework/index.ts';
import { readPriority, readRoundProjection } from '../../../shared/model/prioritisation/projection.ts';
import type { Decision } from '../../../shared/schemas/decisions.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildRoundsWorld, candidateIds, cast } from './roundsWorld.ts';

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();

describe('a round through its life', () => {
  it('keeps drafts to facilitators, and keeps candidate ids when a draft is edited', async () => {
    const world = await buildRoundsWorld();
    const member = await world.join('Amira');
    const draft = await world.createRound();
    expect((await member.api.request('GET', `/api/rounds/${draft.id}`)).status).toBe(404);
    const listed = await member.api.request<Round[]>('GET', `/api/partnerships/${world.partnershipId}/rounds`);
    expect(listed.body).toEqual([]);

    const edited = await world.facilitator.api.request<Round>('PATCH', `/api/rounds/${draft.id}`, {
      title: 'Renamed',
      candidates: [...draft.candidates.slice(0, 2), world.outcomes[5]!],
    });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Renamed');
    expect(candidateIds(edited.body).slice(0, 2)).toEqual(candidateIds(draft).slice(0, 2));
    expect((await world.facilitator.api.request('DELETE', `/api/rounds/${draft.id}`)).status).toBe(200);
    expect((await world.facilitator.api.request('GET', `/api/rounds/${draft.id}`)).status).toBe(404);
  });

  it('refuses a closing time in the past, and closes by itself at its time', async () => {
    const world = await buildRoundsWorld();
    const member = await world.join('Amira');
    const past = await world.facilitator.api.request<{ error: { issues: { path: string[] }[] } }>(
      'POST',
      `/api/partnerships/${world.partnershipId}/rounds`,
      {
        title: 'Too late',
        candidates: world.outcomes.slice(0, 2),
        settings: { method: 'ranking' },
        closesAt: new Date(Date.now() - 60_000).toISOString(),
      },
    );
    expect(past.status).toBe(400);
    expect(past.body.error.issues[0]?.path).toEqual(['closesAt']);

    const round = await world.openRound({ closesAt: soon(1_200) });
    const watcher = await world.projectionClient(member);
    expect(readRoundProjection(watcher.doc, round.id)?.closesAt).toBe(round.closesAt);
    await waitFor(() => expect(readRoundProjection(watcher.doc, round.id)?.state).toBe('closed'), { timeoutMs: 5_000 });
    const late = await cast(member, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 1 } });
    expect(late.status).toBe(409);
  });

  it('closes a round whose time passed while the server was down, on start-up', async () => {
    const world = await buildRoundsWorld();
    const round = await world.openRound({ closesAt: soon(60_000) });
    await world.server.store.db
      .updateTable('rounds')
      .set({ closes_at: soon(-1_000) })
      .where('id', '=', round.id)
      .execute();
    const { startTestServer } = await import('../../helpers/testServer.ts');
    await world.server.close();
    const restarted = await startTestServer({ access: 'sessions', dataDir: world.server.dataDir });
    const row = await restarted.store.db
      .selectFrom('rounds')
      .select('state')
      .where('id', '=', round.id)
      .executeTakeFirst();
    expect(row).toEqual({ state: 'closed' });
  });

  it('reopens a named round, but not once a decision is recorded', async () => {
    const world = await buildRoundsWorld();
    const member = await world.join('Amira');
    const round = await world.openRound();
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const reopened = await world.facilitator.api.request<Round>('POST', `/api/rounds/${round.id}/reopen`, {});
    expect(reopened.body.state).toBe('open');
    expect((await cast(member, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 2 } })).status).toBe(200);
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    await world.facilitator.api.request('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: [candidateIds(round)[0]],
      statement: 'Focus on school readiness',
      reviewDate: '2027-03-31',
    });
    const again = await world.facilitator.api.request('POST', `/api/rounds/${round.id}/reopen`, {});
    expect(again.status).toBe(409);
  });

  it('records a decision after close and projects the agreed priorities for badges', async () => {
    const world = await buildRoundsWorld();
    const member = await world.join('Amira');
    const round = await world.openRound();
    const [c1, c2] = candidateIds(round) as [string, string];
    const early = await world.facilitator.api.request('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: [c1],
      statement: 'Too soon',
      reviewDate: '2027-03-31',
    });
    expect(early.status).toBe(409);
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const stranger = await world.facilitator.api.request('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: ['zzzz'],
      statement: 'Odd',
      reviewDate: '2027-03-31',
    });
    expect(stranger.status).toBe(400);
    const recorded = await world.facilitator.api.request<Decision>('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: [c2, c1],
      statement: 'We agreed two priorities.',
      reviewDate: '2027-03-31',
    });
    expect(recorded.status).toBe(200);
    const [o1, o2, o3] = world.outcomes.map((outcome) => outcome.refId);
    expect(recorded.body.priorities.map((p) => p.refId)).toEqual([o2, o1]);
    expect(recorded.body.decidedBy).toBe('Fran Facilitator');
    expect((await member.api.request('PUT', `/api/rounds/${round.id}/decision`, {})).status).toBe(403);

    const log = await member.api.request<Decision[]>('GET', `/api/partnerships/${world.partnershipId}/decisions`);
    expect(log.body.map((decision) => decision.statement)).toEqual(['We agreed two priorities.']);
    const watcher = await world.projectionClient(member);
    await waitFor(() => expect(readPriority(watcher.doc, 'outcome', o2!)?.roundTitle).toBe(round.title));
    expect(readPriority(watcher.doc, 'outcome', o3!)).toBeNull();
    expect(readRoundProjection(watcher.doc, round.id)?.hasDecision).toBe(true);
  });

  it('follows a closed round up with the same candidates, so round 1’s figures line up', async () => {
    const world = await buildRoundsWorld();
    const round = await world.openRound({ anonymous: true });
    expect((await world.facilitator.api.request('POST', `/api/rounds/${round.id}/follow-up`)).status).toBe(409);
    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const next = await world.facilitator.api.request<Round>('POST', `/api/rounds/${round.id}/follow-up`);
    expect(next.status).toBe(201);
    expect(next.body).toMatchObject({ state: 'draft', followUpOf: round.id, title: `${round.title} – round 2` });
    expect(candidateIds(next.body)).toEqual(candidateIds(round));
    expect(next.body.anonymous).toBe(true);
  });

  it('exports results as CSV with cells a spreadsheet would run neutralised', async () => {
    const world = await buildRoundsWorld();
    const member = await world.join('Amira');
    // Labels come from the workspace, so that is where an editor would plant a formula.
    const [first, second] = [world.outcomes[0]!, world.outcomes[1]!];
    await world.changeWorkspace((doc) => {
      updateOutcome(doc, first.refId, { statement: '=HYPERLINK("http://evil.example","Click")' });
      updateOutcome(doc, second.refId, { statement: '+1, "quoted" and @sum' });
    });
    const round = await world.openRound({ visibility: 'live', candidates: [first, second] });
    await cast(member, round.id, { method: 'dots', dots: { [candidateIds(round)[0]!]: 2 } });
    const response = await fetch(`${world.server.url}/api/rounds/${round.id}/results/csv`, { headers: member.headers });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="results-priority-outcomes.csv"');
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      "Rank,Candidate,Type,Total dots,Mean per ballot,Spread (standard deviation),Distribution,Amira's agency (Total dots)",
    );
    expect(lines[1]).toBe(
      `1,"'=HYPERLINK(""http://evil.example"",""Click"")",outcome,2,2,0,0 dots: 0; 1 dot: 0; 2 dots: 1,2`,
    );
    expect(lines[2]!.startsWith(`2,"'+1, ""quoted"" and @sum",outcome,0`)).toBe(true);
  });
});
