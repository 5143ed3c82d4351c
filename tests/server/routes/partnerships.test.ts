import { describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../../shared/schemas/apiError.ts';
import {
  CreatedInvitationSchema,
  InvitationPreviewSchema,
  MemberSchema,
  PartnershipSchema,
} from '../../../shared/schemas/partnerships.ts';
import { z } from 'zod';
import { buildWorld, type World } from './world.ts';

async function send(world: World, method: string, path: string, headers: Record<string, string>, body?: unknown) {
  const response = await world.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', host: 'localhost', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, json: (text ? JSON.parse(text) : null) as unknown, headers: response.headers };
}

const newcomer = {
  email: 'newcomer@example.org',
  displayName: 'Nia Newcomer',
  organisation: 'Riverside NHS Trust',
  password: 'long enough passphrase',
};

describe('partnerships', () => {
  it('administrators create one from a template and become its facilitator', async () => {
    const world = await buildWorld();
    const { status, json } = await send(world, 'POST', '/api/partnerships', world.actors.admin.headers, {
      name: 'Riverside Family Hubs',
      areaName: 'Riverside',
      areaCode: 'e09000024',
      template: 'blank',
    });
    expect(status).toBe(201);
    const created = PartnershipSchema.parse(json);
    expect(created).toMatchObject({ name: 'Riverside Family Hubs', areaCode: 'E09000024', myRole: 'facilitator' });
    expect(created.id).toMatch(/^riverside-family-hubs-[a-z0-9]{4}$/);
    expect((await world.store.audit.forPartnership(created.id))[0]?.action).toBe('partnership.created');
  });

  it('explains what is wrong with a bad area code', async () => {
    const world = await buildWorld();
    const { status, json } = await send(world, 'POST', '/api/partnerships', world.actors.admin.headers, {
      name: 'X',
      areaName: 'Y',
      areaCode: 'London',
    });
    expect(status).toBe(400);
    const issues = ApiErrorSchema.parse(json).error.issues ?? [];
    expect(issues.map((issue) => issue.path)).toEqual([['areaCode']]);
    expect(issues[0]?.message).toContain('ONS area code');
  });

  it('lists only my partnerships; administrators see all', async () => {
    const world = await buildWorld();
    const mine = z
      .array(PartnershipSchema)
      .parse((await send(world, 'GET', '/api/partnerships', world.actors.outsider.headers)).json);
    expect(mine.map((p) => p.id)).toEqual([world.betaId]);
    const all = z
      .array(PartnershipSchema)
      .parse((await send(world, 'GET', '/api/partnerships', world.actors.admin.headers)).json);
    expect(all.map((p) => p.id).sort()).toEqual([world.alphaId, world.betaId].sort());
  });

  it('shows member emails to facilitators only', async () => {
    const world = await buildWorld();
    const asFacilitator = z
      .array(MemberSchema)
      .parse(
        (await send(world, 'GET', `/api/partnerships/${world.alphaId}/members`, world.actors.facilitator.headers)).json,
      );
    const asViewer = z
      .array(MemberSchema)
      .parse(
        (await send(world, 'GET', `/api/partnerships/${world.alphaId}/members`, world.actors.viewer.headers)).json,
      );
    expect(asFacilitator.every((m) => m.email?.endsWith('@example.org'))).toBe(true);
    expect(asViewer.every((m) => m.email === null)).toBe(true);
  });
});

describe('members', () => {
  it('facilitators change roles; the member’s sockets are closed so they reconnect under the new role', async () => {
    const world = await buildWorld();
    const { status, json } = await send(
      world,
      'PATCH',
      `/api/partnerships/${world.alphaId}/members/${world.targetUserId}`,
      world.actors.facilitator.headers,
      { role: 'editor', isVotingMember: false },
    );
    expect(status).toBe(200);
    expect(MemberSchema.parse(json)).toMatchObject({ role: 'editor', isVotingMember: false });
    expect(world.closedSockets).toContainEqual({ userId: world.targetUserId, partnershipId: world.alphaId });
    const audit = (await world.store.audit.forPartnership(world.alphaId))[0]!;
    expect(audit).toMatchObject({ action: 'member.updated', target: world.targetUserId });
    expect(audit.details).toMatchObject({ before: { role: 'viewer' }, after: { role: 'editor' } });
  });

  it('a partnership always keeps at least one facilitator', async () => {
    const world = await buildWorld();
    const facilitator = (await world.store.users.findByEmail('facilitator@example.org'))!;
    const demote = await send(
      world,
      'PATCH',
      `/api/partnerships/${world.alphaId}/members/${facilitator.id}`,
      world.actors.facilitator.headers,
      { role: 'editor' },
    );
    expect(demote.status).toBe(409);
    expect(ApiErrorSchema.parse(demote.json).error.code).toBe('last_facilitator');
    const remove = await send(
      world,
      'DELETE',
      `/api/partnerships/${world.alphaId}/members/${facilitator.id}`,
      world.actors.facilitator.headers,
    );
    expect(remove.status).toBe(409);
  });

  it('removing a member takes them out at once', async () => {
    const world = await buildWorld();
    const viewer = (await world.store.users.findByEmail('viewer@example.org'))!;
    expect(
      (
        await send(
          world,
          'DELETE',
          `/api/partnerships/${world.alphaId}/members/${viewer.id}`,
          world.actors.facilitator.headers,
        )
      ).status,
    ).toBe(200);
    expect((await send(world, 'GET', `/api/partnerships/${world.alphaId}`, world.actors.viewer.headers)).status).toBe(
      404,
    );
    expect(world.closedSockets).toContainEqual({ userId: viewer.id, partnershipId: world.alphaId });
  });
});

describe('invitations', () => {
  async function invite(world: World) {
    const { status, json } = await send(
      world,
      'POST',
      `/api/partnerships/${world.alphaId}/invitations`,
      world.actors.facilitator.headers,
      {
        role: 'commenter',
        organisation: 'Riverside NHS Trust',
        isVotingMember: true,
        note: 'Health visiting lead',
      },
    );
    expect(status).toBe(201);
    const created = CreatedInvitationSchema.parse(json);
    return { ...created, token: created.url.split('/invite/')[1]! };
  }

  it('a link shows what it invites to, creates an account on acceptance, signs in, and is single-use', async () => {
    const world = await buildWorld();
    const { token, url } = await invite(world);
    expect(url).toMatch(/^http:\/\/localhost\/invite\/[\w-]{40,}$/);
    const preview = InvitationPreviewSchema.parse((await send(world, 'GET', `/api/invitations/${token}`, {})).json);
    expect(preview).toMatchObject({
      partnershipName: 'Alpha',
      role: 'commenter',
      isVotingMember: true,
      invitedBy: 'facilitator',
    });

    const accepted = await send(world, 'POST', `/api/invitations/${token}/accept`, {}, newcomer);
    expect(accepted.status).toBe(200);
    const cookie = accepted.headers.get('set-cookie')!.split(';')[0]!;
    const me = (await send(world, 'GET', '/api/me', { cookie })).json as { memberships: unknown[] };
    expect(me.memberships).toEqual([
      expect.objectContaining({
        partnershipId: world.alphaId,
        role: 'commenter',
        organisation: 'Riverside NHS Trust',
        isVotingMember: true,
      }),
    ]);

    const again = await send(world, 'POST', `/api/invitations/${token}/accept`, world.actors.outsider.headers, {});
    expect(again.status).toBe(404);
    expect((await send(world, 'GET', `/api/invitations/${token}`, {})).status).toBe(404);
    expect((await world.store.audit.forPartnership(world.alphaId)).map((e) => e.action)).toEqual(
      expect.arrayContaining(['invitation.created', 'invitation.accepted']),
    );
  });

  it('adds the membership to an existing signed-in account', async () => {
    const world = await buildWorld();
    const { token } = await invite(world);
    expect(
      (await send(world, 'POST', `/api/invitations/${token}/accept`, world.actors.outsider.headers, {})).status,
    ).toBe(200);
    expect((await send(world, 'GET', `/api/partnerships/${world.alphaId}`, world.actors.outsider.headers)).status).toBe(
      200,
    );
  });

  it('asks newcomers whose email has an account to sign in instead, without using the link', async () => {
    const world = await buildWorld();
    const { token } = await invite(world);
    const taken = await send(
      world,
      'POST',
      `/api/invitations/${token}/accept`,
      {},
      { ...newcomer, email: 'viewer@example.org' },
    );
    expect(taken.status).toBe(409);
    expect((await send(world, 'GET', `/api/invitations/${token}`, {})).status).toBe(200);
  });

  it('revoked and expired links no longer work', async () => {
    const world = await buildWorld();
    const { token, invitation } = await invite(world);
    expect(
      (
        await send(
          world,
          'DELETE',
          `/api/partnerships/${world.alphaId}/invitations/${invitation.id}`,
          world.actors.facilitator.headers,
        )
      ).status,
    ).toBe(200);
    expect((await send(world, 'POST', `/api/invitations/${token}/accept`, {}, newcomer)).status).toBe(404);
    expect(await world.store.users.findByEmail(newcomer.email)).toBeNull();

    const expired = await world.store.invitations.findByToken(
      world.invitationToken,
      Date.now() + 8 * 24 * 60 * 60 * 1000,
    );
    expect(expired?.status).toBe('expired');
  });
});
