import { describe, expect, it } from 'vitest';
import { addConcern, deleteConcern } from '../../../shared/model/concerns/index.ts';
import { addIndicator, deleteOutcome } from '../../../shared/model/framework/index.ts';
import { readPriority } from '../../../shared/model/prioritisation/projection.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Decision } from '../../../shared/schemas/decisions.ts';
import type { RoundResults } from '../../../shared/schemas/roundResults.ts';
import type { CandidateInput, Round } from '../../../shared/schemas/rounds.ts';
import { buildIndicator } from '../../shared/model/framework/factories.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildRoundsWorld, cast, type RoundsWorld } from './roundsWorld.ts';

type Refusal = { error: { code: string; message: string; issues: { path: (string | number)[]; message: string }[] } };

/** An indicator and a cohort of concern in the world's workspace, as candidates. */
async function indicatorAndCohort(world: RoundsWorld): Promise<[CandidateInput, CandidateInput]> {
  return world.changeWorkspace((doc) => [
    {
      kind: 'indicator',
      refId: addIndicator(doc, buildIndicator({ name: 'School readiness', outcomeIds: [world.outcomes[0]!.refId] })),
      label: 'School readiness',
    },
    {
      kind: 'concern',
      refId: addConcern(doc, { name: 'Young carers', kind: 'cohort' }, 'Fran Facilitator'),
      label: 'Young carers',
    },
  ]);
}

function create(world: RoundsWorld, candidates: CandidateInput[]) {
  return world.facilitator.api.request<Round & Refusal>('POST', `/api/partnerships/${world.partnershipId}/rounds`, {
    title: 'Priorities beyond outcomes',
    candidates,
    settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: null },
    visibility: 'live',
  });
}

describe('candidates beyond outcomes', () => {
  it('votes on an outcome, an indicator and a cohort of concern, through results and into the decision log', async () => {
    const world = await buildRoundsWorld();
    const amira = await world.join('Amira');
    const [indicator, cohort] = await indicatorAndCohort(world);
    const round = await world.openRound({ visibility: 'live', candidates: [world.outcomes[0]!, indicator, cohort] });
    expect(round.candidates.map((candidate) => candidate.kind)).toEqual(['outcome', 'indicator', 'concern']);
    const [, indicatorId, cohortId] = round.candidates.map((candidate) => candidate.id);

    expect((await cast(amira, round.id, { method: 'dots', dots: { [indicatorId!]: 3, [cohortId!]: 2 } })).status).toBe(
      200,
    );
    const results = await amira.api.request<RoundResults>('GET', `/api/rounds/${round.id}/results`);
    expect(results.body.candidates.map(({ kind, refId, aggregate }) => ({ kind, refId, aggregate }))).toEqual([
      { kind: 'indicator', refId: indicator.refId, aggregate: 3 },
      { kind: 'concern', refId: cohort.refId, aggregate: 2 },
      { kind: 'outcome', refId: world.outcomes[0]!.refId, aggregate: 0 },
    ]);

    await world.facilitator.api.request('POST', `/api/rounds/${round.id}/close`);
    const decision = await world.facilitator.api.request<Decision>('PUT', `/api/rounds/${round.id}/decision`, {
      priorityCandidateIds: [indicatorId, cohortId],
      statement: 'Focus on school readiness and young carers.',
      reviewDate: '2027-03-31',
    });
    expect(decision.status).toBe(200);
    const log = await amira.api.request<Decision[]>('GET', `/api/partnerships/${world.partnershipId}/decisions`);
    expect(log.body[0]!.priorities.map(({ kind, label }) => ({ kind, label }))).toEqual([
      { kind: 'indicator', label: 'School readiness' },
      { kind: 'concern', label: 'Young carers' },
    ]);
    const watcher = await world.projectionClient(amira);
    await waitFor(() => expect(readPriority(watcher.doc, 'concern', cohort.refId)?.label).toBe('Young carers'));
    expect(readPriority(watcher.doc, 'indicator', indicator.refId)?.roundId).toBe(round.id);
  });

  it("labels each candidate with the workspace's own words, never the request's", async () => {
    const world = await buildRoundsWorld();
    const [indicator, cohort] = await indicatorAndCohort(world);
    const outcome = world.outcomes[0]!;
    const created = await create(world, [
      { ...outcome, label: 'Something the board never agreed' },
      { ...indicator, label: 'Another name' },
      cohort,
    ]);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.candidates.map((candidate) => candidate.label)).toEqual([
      outcome.label,
      'School readiness',
      'Young carers',
    ]);
    const edited = await world.facilitator.api.request<Round>('PATCH', `/api/rounds/${created.body.id}`, {
      candidates: [{ ...cohort, label: 'Renamed by hand' }, outcome],
    });
    expect(edited.body.candidates.map((candidate) => candidate.label)).toEqual(['Young carers', outcome.label]);
  });

  it('refuses candidates the workspace does not hold, naming each, and writes nothing', async () => {
    const world = await buildRoundsWorld();
    const [indicator, cohort] = await indicatorAndCohort(world);
    const [gone, issue, deletedCohort] = await world.changeWorkspace((doc) => {
      deleteOutcome(doc, world.outcomes[1]!.refId, 'Fran Facilitator');
      const deleted = addConcern(doc, { name: 'Closed ward', kind: 'locality' }, 'Fran Facilitator');
      deleteConcern(doc, deleted, 'Fran Facilitator');
      const removed: [CandidateInput, CandidateInput, CandidateInput] = [
        world.outcomes[1]!,
        {
          kind: 'concern',
          refId: addConcern(doc, { name: 'Rising absence', kind: 'issue' }, 'Fran Facilitator'),
          label: 'Rising absence',
        },
        { kind: 'concern', refId: deleted, label: 'Closed ward' },
      ];
      return removed;
    });
    // An indicator of another partnership is no candidate here, whatever its id.
    const elsewhere = 'rounds-elsewhere';
    let foreignIndicator = '';
    await world.server.rooms.transact(workspaceDocName(elsewhere), (doc) => {
      foreignIndicator = addIndicator(doc, buildIndicator());
    });

    const refused = await create(world, [
      world.outcomes[0]!,
      indicator,
      cohort,
      gone,
      { kind: 'outcome', refId: 'no-such-outcome', label: 'Made up' },
      { kind: 'indicator', refId: foreignIndicator, label: 'Theirs' },
      issue,
      deletedCohort,
    ]);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe('invalid_request');
    const { issues } = refused.body.error;
    expect(issues.map((problem) => problem.path)).toEqual([3, 4, 5, 6, 7].map((index) => ['candidates', index]));
    expect(issues.map((problem) => problem.message)).toEqual([
      `“${gone.label}” is not an outcome in this partnership's framework.`,
      "“Made up” is not an outcome in this partnership's framework.",
      "“Theirs” is not an indicator in this partnership's framework.",
      '“Rising absence” is an issue of concern: only cohorts and localities of concern can be voted on.',
      '“Closed ward” is not a concern recorded by this partnership.',
    ]);
    const listed = await world.facilitator.api.request<Round[]>(
      'GET',
      `/api/partnerships/${world.partnershipId}/rounds`,
    );
    expect(listed.body).toEqual([]);

    const draft = await create(world, [world.outcomes[0]!, indicator, cohort]);
    expect(draft.status).toBe(201);
    const edited = await world.facilitator.api.request<Refusal>('PATCH', `/api/rounds/${draft.body.id}`, {
      candidates: [indicator, issue],
    });
    expect(edited.status).toBe(400);
    expect(edited.body.error.issues.map((problem) => problem.path)).toEqual([['candidates', 1]]);
    const kept = await world.facilitator.api.request<Round>('GET', `/api/rounds/${draft.body.id}`);
    expect(kept.body.candidates.map((candidate) => candidate.refId)).toEqual([
      world.outcomes[0]!.refId,
      indicator.refId,
      cohort.refId,
    ]);
  });
});
