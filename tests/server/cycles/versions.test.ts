import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  readOutcomes,
  updateOutcome,
} from '../../../shared/model/framework/index.ts';
import { addAction, addLink } from '../../../shared/model/theoryOfChange/index.ts';
import type { CommentThread, EntityAnchor } from '../../../shared/schemas/comments.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { VersionDetail, VersionSummary } from '../../../shared/schemas/cycles.ts';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../../shared/model/framework/factories.ts';
import { buildAction } from '../../shared/model/theoryOfChange/factories.ts';
import { buildCyclesWorld, secondPartnership, type CyclesWorld } from './cyclesWorld.ts';

async function statements(world: CyclesWorld, partnershipId: string): Promise<string[]> {
  let found: string[] = [];
  await world.server.rooms.transact(workspaceDocName(partnershipId), (doc) => {
    found = readOutcomes(doc).outcomes.map((outcome) => outcome.statement);
  });
  return found.sort();
}

describe('versions', () => {
  it('takes a named, attributed version holding the document and the facts, listed newest first', async () => {
    const world = await buildCyclesWorld();
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'Before the March board',
    });
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      label: 'Before the March board',
      createdBy: { id: world.facilitator.userId, name: 'Fran Facilitator' },
      reason: { kind: 'manual' },
    });
    expect(taken.body.sizes.document).toBeGreaterThan(0);
    await world.changeWorkspace((doc) => addOutcome(doc, buildOutcome({ statement: 'Fathers are involved' })));
    const second = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'After adding fathers',
    });

    const listed = await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`);
    expect(listed.body.map((version) => version.label)).toEqual(['After adding fathers', 'Before the March board']);

    const detail = await world.facilitator.api.request<VersionDetail>('GET', `${world.base}/versions/${taken.body.id}`);
    expect(detail.status).toBe(200);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(detail.body.documentState, 'base64'));
    expect(readOutcomes(doc).outcomes.map((outcome) => outcome.statement)).not.toContain('Fathers are involved');
    expect(readOutcomes(doc).outcomes).toHaveLength(6);
    expect(detail.body.facts).toMatchObject({ decisions: [], rounds: [], evidence: [], comments: [] });
    expect(second.status).toBe(201);

    const refused = await world.facilitator.api.request<{ error: { issues: { path: string[] }[] } }>(
      'POST',
      `${world.base}/versions`,
      { label: '' },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.issues[0]!.path).toEqual(['label']);
  });

  it('names comments on a link, a data-mapping row and an evidence period in its facts', async () => {
    const world = await buildCyclesWorld();
    const outcome = world.outcomes[1]!;
    const { metric, link } = await world.changeWorkspace((doc) => {
      const indicator = addIndicator(doc, buildIndicator({ outcomeIds: [outcome.refId] }));
      const added = addLink(doc, {
        actionId: addAction(doc, buildAction({ name: 'Family hub drop-in' })),
        target: { kind: 'outcome', id: outcome.refId },
      });
      if (!added.ok) throw new Error(added.message);
      return { metric: addMetric(doc, buildMetric(indicator, { name: 'Repeat referrals' })), link: added.id };
    });
    const anchors: EntityAnchor[] = [
      { kind: 'entity', entityKind: 'link', entityId: link },
      { kind: 'entity', entityKind: 'metric', entityId: metric, aspect: 'data-mapping' },
      { kind: 'entity', entityKind: 'metric', entityId: metric, aspect: 'evidence', period: '2024/25' },
      { kind: 'entity', entityKind: 'metric', entityId: metric },
    ];
    for (const anchor of anchors) {
      const created = await world.facilitator.api.request<CommentThread>('POST', `${world.base}/comment-threads`, {
        anchor,
        body: 'Is this right?',
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
    }
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'With comments',
    });
    const detail = await world.facilitator.api.request<VersionDetail>('GET', `${world.base}/versions/${taken.body.id}`);
    expect(detail.body.facts.comments.map(({ targetKind, targetLabel }) => [targetKind, targetLabel])).toEqual([
      ['link', `Theory-of-change link: Family hub drop-in → ${outcome.label}`],
      ['metric', 'Data mapping: Repeat referrals'],
      ['metric', 'Evidence: Repeat referrals, 2024/25'],
      ['metric', 'Repeat referrals'],
    ]);
  });

  it('cannot be changed or removed: there is no route to do it', async () => {
    const world = await buildCyclesWorld();
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'V1',
    });
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      const response = await world.facilitator.api.request(method, `${world.base}/versions/${taken.body.id}`, {
        label: 'V2',
      });
      expect(response.status, method).toBe(404);
    }
    const detail = await world.facilitator.api.request<VersionDetail>('GET', `${world.base}/versions/${taken.body.id}`);
    expect(detail.body.label).toBe('V1');
  });

  it('is taken when a round closes', async () => {
    const world = await buildCyclesWorld();
    const { round, decision } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2028-01-31',
    });
    const listed = await world.facilitator.api.request<VersionSummary[]>('GET', `${world.base}/versions`);
    expect(listed.body.map(({ label, reason }) => ({ label, reason }))).toEqual([
      { label: 'Priority outcomes', reason: { kind: 'round', id: round.id } },
    ]);
    const later = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'Now',
    });
    const detail = await world.facilitator.api.request<VersionDetail>('GET', `${world.base}/versions/${later.body.id}`);
    expect(detail.body.facts.decisions.map((d) => d.id)).toEqual([decision.id]);
    expect(detail.body.facts.rounds).toEqual([
      {
        id: round.id,
        title: 'Priority outcomes',
        closedAt: detail.body.facts.rounds[0]?.closedAt,
        candidates: [
          { kind: 'outcome', refId: world.outcomes[0]!.refId, label: 'Children start school ready to learn', rank: 1 },
          { kind: 'outcome', refId: world.outcomes[1]!.refId, label: 'Children are safe at home', rank: 1 },
        ],
      },
    ]);
  });

  it('restores as a copy: a new partnership from the version, the original untouched', async () => {
    const world = await buildCyclesWorld();
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'March',
    });
    const first = world.outcomes[0]!.refId;
    await world.changeWorkspace((doc) => updateOutcome(doc, first, { statement: 'Every child is ready for school' }));

    const viewer = await world.join('Val', { role: 'viewer' });
    const forbidden = await viewer.api.request('POST', `${world.base}/versions/${taken.body.id}/copy`, {});
    expect(forbidden.status).toBe(403);

    const copied = await world.facilitator.api.request<Partnership>(
      'POST',
      `${world.base}/versions/${taken.body.id}/copy`,
      { name: 'Riverside (restored from March)' },
    );
    expect(copied.status, JSON.stringify(copied.body)).toBe(201);
    expect(copied.body).toMatchObject({
      name: 'Riverside (restored from March)',
      areaCode: 'E09000024',
      myRole: 'facilitator',
    });
    expect(copied.body.id).not.toBe(world.partnershipId);

    expect(await statements(world, copied.body.id)).toContain('Children start school ready to learn');
    expect(await statements(world, copied.body.id)).not.toContain('Every child is ready for school');
    expect(await statements(world, world.partnershipId)).toContain('Every child is ready for school');
    expect(await statements(world, world.partnershipId)).not.toContain('Children start school ready to learn');
    const mine = await world.facilitator.api.request<Partnership[]>('GET', '/api/partnerships');
    expect(mine.body.map((p) => p.id)).toContain(copied.body.id);
  });

  it('answers 404 for a version of another partnership, and to non-members', async () => {
    const world = await buildCyclesWorld();
    const taken = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'V1',
    });
    const stranger = await world.outsider('Sam');
    expect((await stranger.api.request('GET', `${world.base}/versions/${taken.body.id}`)).status).toBe(404);
    const otherId = await secondPartnership(world);
    const crossed = await world.facilitator.api.request(
      'GET',
      `/api/partnerships/${otherId}/versions/${taken.body.id}`,
    );
    expect(crossed.status).toBe(404);
  });
});
