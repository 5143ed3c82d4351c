import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { readFrameworkEntities } from '../../../shared/model/framework/entities.ts';
import { addIndicator } from '../../../shared/model/framework/indicators.ts';
import { addOutcome } from '../../../shared/model/framework/outcomes.ts';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import {
  CreatedNetworkInvitationSchema,
  NetworkSchema,
  NetworkSummarySchema,
  PartnershipNetworkSchema,
  SharingSchema,
  TemplateChoicesSchema,
  TemplateUpdateSchema,
  TemplateUpdatesSchema,
  TemplateVersionSchema,
  type Sharing,
} from '../../../shared/schemas/networks.ts';
import { buildWorld, type World } from '../routes/world.ts';

async function send(world: World, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await world.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', host: 'localhost', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as unknown, headers: response.headers };
}

/** What a partnership shares when it joins, written out by hand (not read from the code under test). */
const sharedOnJoining: Sharing = {
  framework: true,
  dataMapping: true,
  priorities: true,
  theoryOfChange: true,
  evidence: false,
};

const newcomer = {
  email: 'nell@example.org',
  displayName: 'Nell Coordinator',
  organisation: 'North East ADCS',
  password: 'long enough passphrase',
};

async function auditActions(world: World, partnershipId: string): Promise<string[]> {
  return (await world.store.audit.forPartnership(partnershipId)).map((entry) => entry.action).reverse();
}

describe('networks: membership', () => {
  it('an administrator creates a network and invites a partnership; its facilitator joins; either side takes it out', async () => {
    const world = await buildWorld();
    const { actors, alphaId } = world;
    const created = await send(world, 'POST', '/api/networks', actors.admin.headers, { name: 'South network' });
    expect(created.status).toBe(201);
    const network = NetworkSummarySchema.parse(created.json);
    expect(network).toMatchObject({ name: 'South network', isDemo: false, memberCount: 0, templateVersion: 0 });
    const base = `/api/networks/${network.id}`;

    const invited = await send(world, 'POST', `${base}/invitations`, actors.admin.headers, { partnershipId: alphaId });
    expect(invited.status).toBe(201);
    expect(invited.json).toMatchObject({ partnershipId: alphaId, state: 'invited', joinedAt: null });
    expect(
      (await send(world, 'POST', `${base}/invitations`, actors.admin.headers, { partnershipId: alphaId })).status,
    ).toBe(409);

    // The facilitator sees the invitation in the list; an editor cannot read a network alpha is only invited to.
    const listed = z
      .array(NetworkSummarySchema)
      .parse((await send(world, 'GET', '/api/networks', actors.facilitator.headers)).json);
    expect(listed.find((entry) => entry.id === network.id)).toMatchObject({
      myAccess: 'invited',
      invitedPartnershipIds: [alphaId],
    });
    expect((await send(world, 'GET', base, actors.editor.headers)).status).toBe(404);
    expect((await send(world, 'POST', `${base}/members/${alphaId}/accept`, actors.editor.headers)).status).toBe(403);

    const joined = await send(world, 'POST', `${base}/members/${alphaId}/accept`, actors.facilitator.headers);
    expect(joined.status).toBe(200);
    expect(PartnershipNetworkSchema.parse(joined.json)).toMatchObject({
      networkId: network.id,
      state: 'member',
      sharing: sharedOnJoining,
      memberCount: 1,
    });
    const seen = NetworkSchema.parse((await send(world, 'GET', base, actors.editor.headers)).json);
    expect(seen.myAccess).toBe('member');
    expect(seen.members.map((member) => [member.partnershipId, member.state])).toEqual([[alphaId, 'member']]);

    expect((await send(world, 'DELETE', `${base}/members/${alphaId}`, actors.editor.headers)).status).toBe(403);
    expect((await send(world, 'DELETE', `${base}/members/${alphaId}`, actors.facilitator.headers)).status).toBe(200);
    expect((await send(world, 'GET', base, actors.editor.headers)).status).toBe(404);

    // The network's side: removing a member, and a facilitator declining an invitation.
    await send(world, 'POST', `${base}/invitations`, actors.admin.headers, { partnershipId: alphaId });
    await send(world, 'POST', `${base}/members/${alphaId}/accept`, actors.facilitator.headers);
    expect((await send(world, 'DELETE', `${base}/members/${alphaId}`, actors.admin.headers)).status).toBe(200);
    await send(world, 'POST', `${base}/invitations`, actors.admin.headers, { partnershipId: alphaId });
    expect((await send(world, 'DELETE', `${base}/members/${alphaId}`, actors.facilitator.headers)).status).toBe(200);
    expect((await send(world, 'DELETE', `${base}/members/${alphaId}`, actors.facilitator.headers)).status).toBe(404);

    const actions = (await auditActions(world, alphaId)).filter((action) => action.startsWith('network.'));
    expect(actions.slice(-8)).toEqual([
      'network.invited',
      'network.joined',
      'network.left',
      'network.invited',
      'network.joined',
      'network.removed',
      'network.invited',
      'network.declined',
    ]);
  });

  it('a coordinator invitation link is used once, by a newcomer who gets an account and a session', async () => {
    const world = await buildWorld();
    const { actors, networkId } = world;
    const created = await send(world, 'POST', `/api/networks/${networkId}/coordinators`, actors.coordinator.headers, {
      email: newcomer.email,
    });
    expect(created.status).toBe(201);
    const { url } = CreatedNetworkInvitationSchema.parse(created.json);
    expect(url).toMatch(/\/network-invite\/[\w-]+$/);
    const token = url.split('/network-invite/')[1]!;

    const preview = await send(world, 'GET', `/api/network-invitations/${token}`, {});
    expect(preview.json).toMatchObject({
      networkName: 'North network',
      email: newcomer.email,
      invitedBy: 'coordinator',
    });

    const accepted = await send(world, 'POST', `/api/network-invitations/${token}/accept`, {}, newcomer);
    expect(accepted.status).toBe(200);
    expect(accepted.json).toEqual({ networkId });
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const seen = NetworkSchema.parse((await send(world, 'GET', `/api/networks/${networkId}`, { cookie })).json);
    expect(seen.myAccess).toBe('coordinator');
    expect(seen.coordinators.map((coordinator) => coordinator.name).sort()).toEqual([
      'Nell Coordinator',
      'coordinator',
    ]);

    const again = await send(world, 'POST', `/api/network-invitations/${token}/accept`, actors.outsider.headers);
    expect(again.status).toBe(404);
    expect((await send(world, 'GET', `/api/network-invitations/${token}`, {})).status).toBe(404);
  });

  it('a coordinator invitation accepted by everyone at once makes one coordinator', async () => {
    const world = await buildWorld();
    const { actors, networkId } = world;
    const token = world.networkInvitationToken;
    const takers = [actors.facilitator, actors.editor, actors.commenter, actors.viewer, actors.outsider, actors.admin];
    const results = await Promise.all(
      takers.map((actor) => send(world, 'POST', `/api/network-invitations/${token}/accept`, actor.headers)),
    );
    expect(results.map((result) => result.status).sort()).toEqual([200, 404, 404, 404, 404, 404]);
    const seen = NetworkSchema.parse(
      (await send(world, 'GET', `/api/networks/${networkId}`, actors.admin.headers)).json,
    );
    expect(seen.coordinators).toHaveLength(2);
  });

  it('a partnership reads and changes what it shares, and the network sees it at once', async () => {
    const world = await buildWorld();
    const { actors, alphaId, networkId } = world;
    const path = `/api/partnerships/${alphaId}/networks/${networkId}/sharing`;
    expect((await send(world, 'GET', path, actors.viewer.headers)).json).toEqual(sharedOnJoining);
    const changed: Sharing = { ...sharedOnJoining, dataMapping: false, evidence: true };
    expect((await send(world, 'PUT', path, actors.editor.headers, changed)).status).toBe(403);
    const put = await send(world, 'PUT', path, actors.facilitator.headers, changed);
    expect(SharingSchema.parse(put.json)).toEqual(changed);
    const seen = NetworkSchema.parse(
      (await send(world, 'GET', `/api/networks/${networkId}`, actors.coordinator.headers)).json,
    );
    expect(seen.members.find((member) => member.partnershipId === alphaId)?.sharing).toEqual(changed);
    const networks = z
      .array(PartnershipNetworkSchema)
      .parse((await send(world, 'GET', `/api/partnerships/${alphaId}/networks`, actors.viewer.headers)).json);
    expect(networks.map((entry) => [entry.name, entry.state, entry.sharing])).toEqual([
      ['North network', 'member', changed],
    ]);
    // The analyses' places: members only (beta is only invited), with what each shares now.
    expect(await world.services.networks.service.places(networkId)).toEqual([
      { partnershipId: alphaId, name: 'Alpha', areaName: 'Alpha', sharing: changed },
    ]);
    const unknown = `/api/partnerships/${alphaId}/networks/00000000-0000-4000-8000-00000000aaaa/sharing`;
    expect((await send(world, 'GET', unknown, actors.facilitator.headers)).status).toBe(404);
    expect((await auditActions(world, alphaId)).at(-1)).toBe('network.sharing_changed');
  });

  it('a coordinator gets 404 on every partnership route of a member partnership', async () => {
    const world = await buildWorld();
    const { actors } = world;
    const paths = world.routes
      .filter((route) => route.access.kind === 'partnership')
      .map((route) => ({
        method: route.method.toUpperCase(),
        path: route.path
          .replace(':id', world.alphaId)
          .replace(':networkId', world.networkId)
          .replace(':partnershipId', world.alphaId)
          .replace(':changeId', world.changeId)
          .replace(':userId', world.targetUserId)
          .replace(':invitationId', world.invitationId)
          .replace(':roundId', world.roundId)
          .replace(':metricId', 'metric-1')
          .replace(':threadId', world.threadId)
          .replace(':meetingId', world.meetingId)
          .replace(':versionId', world.versionId)
          .replace(':actionId', world.actionId),
      }));
    expect(paths.length).toBeGreaterThan(40);
    for (const { method, path } of paths) {
      const { status, json } = await send(
        world,
        method,
        path,
        actors.coordinator.headers,
        method === 'GET' ? undefined : {},
      );
      expect([method, path, status], JSON.stringify(json)).toEqual([method, path, 404]);
      expect(ApiErrorSchema.parse(json).error.message).toMatch(/^No such partnership/);
    }
  });
});

// The template as the Common Outcomes Framework starts it, copied by hand from shared/templates/commonOutcomes/safe.ts.
const injuries = { indicator: 'cof.ind.safe.injuries-0-4', outcome: 'cof.out.safe.child.2' };
const injuriesOutcomeWording = 'Babies and young children are protected from avoidable harm and injury';

/** Alpha's framework: the injuries outcome and indicator from the template, nothing else. */
async function seedAlpha(world: World): Promise<void> {
  await world.docs.change(world.alphaId, (doc) => {
    const outcomeId = addOutcome(doc, {
      domain: 'safe',
      level: 'child',
      statement: injuriesOutcomeWording,
      scope: 'core',
      templateId: injuries.outcome,
    });
    addIndicator(doc, {
      name: 'Hospital admissions for injuries in young children',
      outcomeIds: [outcomeId],
      scope: 'core',
      templateId: injuries.indicator,
    });
  });
}

const versionTwo = {
  note: 'Measures most places asked for',
  changes: [
    { kind: 'add-metric', indicatorTemplateId: injuries.indicator, name: 'Admissions for falls, 0–4' },
    { kind: 'add-metric', indicatorTemplateId: 'cof.ind.safe.infant-mortality', name: 'Sudden infant deaths' },
    { kind: 'reword', type: 'outcome', templateId: injuries.outcome, to: 'Young children are kept safe from injury' },
  ],
};

describe('networks: template versions', () => {
  it('publishes a version, and a member adopts, declines, and sees why one cannot be adopted', async () => {
    const world = await buildWorld();
    const { actors, alphaId, networkId, changeId: outcomeChangeId } = world;
    await seedAlpha(world);
    const published = await send(
      world,
      'POST',
      `/api/networks/${networkId}/template-versions`,
      actors.coordinator.headers,
      versionTwo,
    );
    expect(published.status).toBe(201);
    const version = TemplateVersionSchema.parse(published.json);
    const prefix = `net.${networkId.slice(0, 8)}.v2`;
    expect(version).toMatchObject({ version: 2, summary: '2 new metrics, 1 outcome reworded' });
    expect(version.changes.map((change) => change.templateId)).toEqual([
      `${prefix}.1`,
      `${prefix}.2`,
      injuries.outcome,
    ]);
    expect(version.changes[2]).toMatchObject({ kind: 'reword', from: injuriesOutcomeWording });
    const [fallsId, infantId, rewordId] = version.changes.map((change) => change.id) as [string, string, string];

    const updates = TemplateUpdatesSchema.parse(
      (await send(world, 'GET', `/api/partnerships/${alphaId}/template-updates`, actors.viewer.headers)).json,
    );
    expect(updates.networks).toHaveLength(1);
    const [north] = updates.networks;
    expect(north!.pending).toBe(4);
    expect(north!.versions.map((v) => [v.version, v.summary])).toEqual([
      [1, '1 new outcome'],
      [2, '2 new metrics, 1 outcome reworded'],
    ]);
    expect(north!.versions[1]!.updates.map((update) => [update.choice, update.problem])).toEqual([
      ['pending', null],
      ['pending', 'Your framework has no indicator “Infant mortality” to put this metric under'],
      ['pending', null],
    ]);

    const adopt = (id: string, headers = actors.facilitator.headers) =>
      send(world, 'POST', `/api/partnerships/${alphaId}/template-updates/${id}/adopt`, headers);
    const decline = (id: string) =>
      send(world, 'POST', `/api/partnerships/${alphaId}/template-updates/${id}/decline`, actors.facilitator.headers);

    expect((await adopt(fallsId, actors.editor.headers)).status).toBe(403);
    const adopted = await adopt(fallsId);
    expect(adopted.status).toBe(200);
    expect(TemplateUpdateSchema.parse(adopted.json)).toMatchObject({ choice: 'adopted', decidedBy: 'facilitator' });
    const metrics = await world.docs.read(alphaId, (doc) => readFrameworkEntities(doc).metrics);
    expect(metrics.map((metric) => [metric.name, metric.scope, metric.templateId])).toEqual([
      ['Admissions for falls, 0–4', 'core', `${prefix}.1`],
    ]);

    const before = await world.docs.read(alphaId, (doc) => JSON.stringify(doc.toJSON()));
    const refused = await adopt(infantId);
    expect(refused.status).toBe(409);
    expect(ApiErrorSchema.parse(refused.json).error.message).toBe(
      'Your framework has no indicator “Infant mortality” to put this metric under',
    );
    expect(await world.docs.read(alphaId, (doc) => JSON.stringify(doc.toJSON()))).toBe(before);

    const afterAdopting = await decline(fallsId);
    expect(afterAdopting.status).toBe(409);
    expect(ApiErrorSchema.parse(afterAdopting.json).error.message).toBe('Already adopted: change it in the framework');
    expect((await decline(outcomeChangeId)).status).toBe(200);

    expect((await adopt(rewordId)).status).toBe(200);
    const statements = await world.docs.read(alphaId, (doc) =>
      readFrameworkEntities(doc).outcomes.map((outcome) => outcome.statement),
    );
    expect(statements).toEqual(['Young children are kept safe from injury']);

    const choices = TemplateChoicesSchema.parse(
      (await send(world, 'GET', `/api/networks/${networkId}/template-choices`, actors.coordinator.headers)).json,
    );
    const byChange = Object.fromEntries(
      choices.choices.map((choice) => [choice.changeId, [choice.partnershipId, choice.choice]]),
    );
    expect(byChange).toEqual({
      [fallsId]: [alphaId, 'adopted'],
      [outcomeChangeId]: [alphaId, 'declined'],
      [rewordId]: [alphaId, 'adopted'],
    });
    expect((await auditActions(world, alphaId)).slice(-3)).toEqual([
      'network.change_adopted',
      'network.change_declined',
      'network.change_adopted',
    ]);
  });

  it('refuses a version that names template items wrongly, saying which change', async () => {
    const world = await buildWorld();
    const { actors, networkId } = world;
    const cases: [unknown, string][] = [
      [
        { kind: 'reword', type: 'outcome', templateId: 'cof.out.nowhere', to: 'New words' },
        'no outcome cof.out.nowhere',
      ],
      [{ kind: 'reword', type: 'metric', templateId: injuries.indicator, to: 'New words' }, 'not an metric'],
      [{ kind: 'add-metric', indicatorTemplateId: 'cof.ind.nowhere', name: 'Orphan' }, 'no indicator cof.ind.nowhere'],
      [
        { kind: 'add-outcome', templateId: injuries.outcome, domain: 'safe', level: 'child', statement: 'Again' },
        'already has an item',
      ],
    ];
    for (const [change, words] of cases) {
      const { status, json } = await send(
        world,
        'POST',
        `/api/networks/${networkId}/template-versions`,
        actors.coordinator.headers,
        {
          changes: [{ kind: 'add-outcome', domain: 'safe', level: 'child', statement: 'Fine' }, change],
        },
      );
      expect(status).toBe(400);
      const error = ApiErrorSchema.parse(json).error;
      expect(error.issues?.[0]?.path).toEqual(['changes', 1]);
      expect(error.message).toContain(words);
    }
    const versions = await send(world, 'GET', `/api/networks/${networkId}/template-versions`, actors.editor.headers);
    expect(
      z
        .array(TemplateVersionSchema)
        .parse(versions.json)
        .map((v) => v.version),
    ).toEqual([1]);
  });
});
