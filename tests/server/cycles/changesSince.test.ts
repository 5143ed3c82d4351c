import { describe, expect, it } from 'vitest';
import { addOutcome, readOutcomes, updateOutcome } from '../../../shared/model/framework/index.ts';
import { workspaceDocName } from '../../../shared/protocol/docNames.ts';
import type { Changes, VersionSummary } from '../../../shared/schemas/cycles.ts';
import { buildOutcome } from '../../shared/model/framework/factories.ts';
import { connectClient, whenSynced } from '../../helpers/collabClient.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { buildCyclesWorld } from './cyclesWorld.ts';

describe('what changed since a version', () => {
  it('lists exactly the changes two people made through their sockets, and who made them', async () => {
    const world = await buildCyclesWorld();
    const amira = await world.join('Amira', { role: 'editor' });
    const ben = await world.join('Ben', { role: 'editor' });
    const since = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'Before the March board',
    });
    const nothing = await world.facilitator.api.request<Changes>(
      'GET',
      `${world.base}/changes?since=${since.body.id}&until=now`,
    );
    expect(nothing.status).toBe(200);
    expect(nothing.body.changes).toEqual([]);

    const docName = workspaceDocName(world.partnershipId);
    const amiraClient = connectClient(world.server.wsUrl, docName, {}, amira.headers);
    const benClient = connectClient(world.server.wsUrl, docName, {}, ben.headers);
    await Promise.all([whenSynced(amiraClient), whenSynced(benClient)]);
    const renamed = world.outcomes[0]!.refId;
    updateOutcome(amiraClient.doc, renamed, { statement: 'Every child starts school ready to learn' });
    const added = addOutcome(benClient.doc, buildOutcome({ statement: 'Fathers are involved in family life' }));
    await waitFor(async () => {
      let statements: string[] = [];
      await world.server.rooms.transact(docName, (doc) => {
        statements = readOutcomes(doc).outcomes.map((outcome) => outcome.statement);
      });
      expect(statements).toEqual(
        expect.arrayContaining(['Every child starts school ready to learn', 'Fathers are involved in family life']),
      );
      // Authors are recorded beside the document, a moment after the edit is stored.
      const authors = await world.server.store.docAuthors.authorsOf(docName);
      expect(authors.get(amiraClient.doc.clientID)).toBe(amira.userId);
      expect(authors.get(benClient.doc.clientID)).toBe(ben.userId);
    });

    const changes = await world.facilitator.api.request<Changes>('GET', `${world.base}/changes?since=${since.body.id}`);
    expect(changes.status).toBe(200);
    expect(changes.body.since).toMatchObject({ id: since.body.id, label: 'Before the March board' });
    expect(changes.body.until).toMatchObject({ id: 'now' });
    expect(changes.body.summary).not.toBe('');
    const listed = changes.body.changes.map(({ kind, entity, field, by }) => ({
      kind,
      entity: { type: entity.type, id: entity.id },
      field,
      by,
    }));
    expect(listed).toHaveLength(2);
    expect(listed).toEqual(
      expect.arrayContaining([
        {
          kind: 'changed',
          entity: { type: 'outcome', id: renamed },
          field: 'statement',
          by: { id: amira.userId, name: 'Amira' },
        },
        {
          kind: 'added',
          entity: { type: 'outcome', id: added },
          field: undefined,
          by: { id: ben.userId, name: 'Ben' },
        },
      ]),
    );

    const stranger = await world.outsider('Sam');
    expect((await stranger.api.request('GET', `${world.base}/changes?since=${since.body.id}`)).status).toBe(404);
    const unknown = await world.facilitator.api.request(
      'GET',
      `${world.base}/changes?since=00000000-0000-4000-8000-00000000dead`,
    );
    expect(unknown.status).toBe(404);
  });

  it('compares two stored versions: a decision taken between them is listed', async () => {
    const world = await buildCyclesWorld();
    const first = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'V1',
    });
    const { decision } = await world.decide(world.outcomes.slice(0, 2), {
      statement: 'Focus on school readiness',
      reviewDate: '2028-01-31',
    });
    const second = await world.facilitator.api.request<VersionSummary>('POST', `${world.base}/versions`, {
      label: 'V2',
    });
    const changes = await world.facilitator.api.request<Changes>(
      'GET',
      `${world.base}/changes?since=${first.body.id}&until=${second.body.id}`,
    );
    expect(changes.status).toBe(200);
    expect(changes.body.until).toMatchObject({ id: second.body.id, label: 'V2' });
    expect(
      changes.body.changes
        .filter((change) => change.domain === 'decisions')
        .map(({ kind, entity }) => ({ kind, entity })),
    ).toEqual([
      { kind: 'added', entity: { type: 'decision', id: decision.id, label: 'Decision on “Priority outcomes”' } },
    ]);
  });
});
