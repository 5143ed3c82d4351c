import { hashPassword } from '../../../server/accounts/passwords.ts';
import type { Role } from '../../../shared/model/roles.ts';
import { CreateThreadRequestSchema } from '../../../shared/schemas/comments.ts';
import { defaultSharing, PublishTemplateVersionRequestSchema } from '../../../shared/schemas/networks.ts';
import { buildTestApp, type TestApp } from '../../helpers/testApp.ts';
import { buildThreadRequest } from '../comments/factories.ts';

/** Someone calling the API in the authorization matrix. */
export type ActorName = 'anonymous' | 'admin' | Role | 'outsider' | 'editorToken' | 'coordinator';

export const actorNames: readonly ActorName[] = [
  'anonymous',
  'admin',
  'facilitator',
  'editor',
  'commenter',
  'viewer',
  'outsider',
  'editorToken',
  'coordinator',
];

export interface Actor {
  name: ActorName;
  headers: Record<string, string>;
  isAdmin: boolean;
  roleInAlpha: Role | null;
  via: 'session' | 'token' | null;
  /** Coordinates the world's network (of which alpha is a member and beta only invited). */
  coordinatesNetwork: boolean;
}

/**
 * A small instance: partnerships alpha and beta, a member of each role in alpha, an outsider in beta, and a network
 * with a coordinator (in no partnership) that alpha is a member of and beta is invited to.
 */
export interface World extends TestApp {
  actors: Record<ActorName, Actor>;
  alphaId: string;
  betaId: string;
  /** A plain member of alpha whom facilitators may change or remove. */
  targetUserId: string;
  invitationId: string;
  invitationToken: string;
  /** An open dots round in alpha with live results, candidates `c1` and `c2` (the ballot route's example). */
  roundId: string;
  /** A comment thread on alpha's Safe narrative, started by the facilitator. */
  threadId: string;
  /** A scheduled board meeting of alpha, a version of alpha and an action of its log. */
  meetingId: string;
  versionId: string;
  actionId: string;
  networkId: string;
  /** A coordinator invitation link of the network. */
  networkInvitationToken: string;
  /** A change of the network template's version 1 (a new outcome), pending in alpha. */
  changeId: string;
}

export const worldPassword = 'correct horse battery staple';
let passwordHash: Promise<string> | null = null;

/** Builds a fresh world (in-memory database): each request of the matrix gets its own, so none sees another's changes. */
export async function buildWorld(): Promise<World> {
  passwordHash ??= hashPassword(worldPassword);
  const hash = await passwordHash;
  const testApp = await buildTestApp();
  const { services, store } = testApp;
  const person = (name: string, isAdmin = false) =>
    store.users.create({
      email: `${name}@example.org`,
      displayName: name,
      organisation: `${name} org`,
      passwordHash: hash,
      isAdmin,
    });

  const alphaId = 'alpha-1111';
  const betaId = 'beta-2222';
  await store.partnerships.create({
    id: alphaId,
    name: 'Alpha',
    areaName: 'Alpha',
    areaCode: 'E09000001',
    template: 'blank',
    createdBy: null,
  });
  await store.partnerships.create({
    id: betaId,
    name: 'Beta',
    areaName: 'Beta',
    areaCode: 'E09000002',
    template: 'blank',
    createdBy: null,
  });
  const member = (partnershipId: string, userId: string, role: Role) =>
    store.partnerships.addMember({ partnershipId, userId, role, organisation: 'Org', isVotingMember: true });

  const admin = await person('admin', true);
  // The login route's documented example signs in as this person.
  await person('chair');
  const actors = {} as Record<ActorName, Actor>;
  const sessionHeaders = async (userId: string) => ({
    cookie: `cg_session=${(await store.sessions.create(userId)).secret}`,
  });
  actors.anonymous = {
    name: 'anonymous',
    headers: {},
    isAdmin: false,
    roleInAlpha: null,
    via: null,
    coordinatesNetwork: false,
  };
  actors.admin = {
    name: 'admin',
    headers: await sessionHeaders(admin.id),
    isAdmin: true,
    roleInAlpha: null,
    via: 'session',
    coordinatesNetwork: false,
  };
  for (const role of ['facilitator', 'editor', 'commenter', 'viewer'] as const) {
    const user = await person(role);
    await member(alphaId, user.id, role);
    actors[role] = {
      name: role,
      headers: await sessionHeaders(user.id),
      isAdmin: false,
      roleInAlpha: role,
      via: 'session',
      coordinatesNetwork: false,
    };
    if (role === 'editor') {
      const { secret } = await store.tokens.create(user.id, 'script');
      actors.editorToken = {
        name: 'editorToken',
        headers: { authorization: `Bearer ${secret}` },
        isAdmin: false,
        roleInAlpha: 'editor',
        via: 'token',
        coordinatesNetwork: false,
      };
    }
  }
  const outsider = await person('outsider');
  await member(betaId, outsider.id, 'facilitator');
  actors.outsider = {
    name: 'outsider',
    headers: await sessionHeaders(outsider.id),
    isAdmin: false,
    roleInAlpha: null,
    via: 'session',
    coordinatesNetwork: false,
  };
  const coordinator = await person('coordinator');
  actors.coordinator = {
    name: 'coordinator',
    headers: await sessionHeaders(coordinator.id),
    isAdmin: false,
    roleInAlpha: null,
    via: 'session',
    coordinatesNetwork: true,
  };

  const target = await person('target');
  await member(alphaId, target.id, 'viewer');
  const facilitatorId = (await store.users.findByEmail('facilitator@example.org'))!.id;
  const { token, invitation } = await store.invitations.create({
    partnershipId: alphaId,
    role: 'editor',
    organisation: 'Invited org',
    isVotingMember: false,
    note: '',
    createdBy: facilitatorId,
  });
  const roundId = '00000000-0000-4000-8000-000000000001';
  await store.rounds.insert(
    {
      id: roundId,
      partnershipId: alphaId,
      followUpOf: null,
      createdBy: facilitatorId,
      title: 'Priorities',
      question: '',
      settings: { method: 'dots', dotsPerVoter: 5, maxPerCandidate: null },
      visibility: 'live',
      anonymous: false,
      eligibility: 'voting-members',
      quorum: 0.5,
      closesAt: null,
    },
    [
      { id: 'c1', kind: 'outcome', refId: 'o1', label: 'Children start school ready to learn' },
      { id: 'c2', kind: 'outcome', refId: 'o2', label: 'Children are safe at home' },
    ],
  );
  const facilitatorViewer = { userId: facilitatorId, isAdmin: false, membership: null };
  await services.prioritisation.rounds.open(facilitatorViewer, roundId, null);
  const thread = await services.comments.createThread(
    alphaId,
    { userId: facilitatorId, ip: null },
    CreateThreadRequestSchema.parse(buildThreadRequest()),
  );
  const alpha = (await store.partnerships.findById(alphaId))!;
  const meeting = await services.cycles.meetings.create(
    alpha,
    facilitatorId,
    { title: 'March board', startsAt: '2027-03-14T10:00:00.000Z', place: '' },
    null,
  );
  const version = await services.cycles.versions.take(
    alpha,
    { userId: facilitatorId },
    'Before March',
    { kind: 'manual' },
    null,
  );
  const action = await services.cycles.actions.create(
    alphaId,
    facilitatorId,
    { text: 'Send the pack round', owner: '', dueDate: null, link: null, meetingId: null },
    null,
  );
  const network = await store.networks.create({ name: 'North network', createdBy: admin.id });
  await store.networks.addCoordinator(network.id, coordinator.id);
  await store.networks.invite({
    networkId: network.id,
    partnershipId: alphaId,
    invitedBy: coordinator.id,
    sharing: defaultSharing,
  });
  await store.networks.join(network.id, alphaId, defaultSharing, new Date().toISOString());
  await store.networks.invite({
    networkId: network.id,
    partnershipId: betaId,
    invitedBy: coordinator.id,
    sharing: defaultSharing,
  });
  const networkInvitation = await store.networks.createInvitation({
    networkId: network.id,
    email: 'new.coordinator@example.org',
    createdBy: coordinator.id,
  });
  const published = await services.networks.templates.publish(
    network,
    { userId: coordinator.id, isAdmin: false, ip: null },
    PublishTemplateVersionRequestSchema.parse({
      changes: [{ kind: 'add-outcome', domain: 'safe', level: 'child', statement: 'Children are safe online' }],
    }),
  );
  return {
    ...testApp,
    networkId: network.id,
    networkInvitationToken: networkInvitation.token,
    changeId: published.changes[0]!.id,
    meetingId: meeting.id,
    versionId: version.id,
    actionId: action.id,
    actors,
    alphaId,
    betaId,
    targetUserId: target.id,
    invitationId: invitation.id,
    invitationToken: token,
    roundId,
    threadId: thread.id,
  };
}
