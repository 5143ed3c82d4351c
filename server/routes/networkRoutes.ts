import type { Context } from 'hono';
import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  AcceptedNetworkInvitationSchema,
  CreatedNetworkInvitationSchema,
  CreateNetworkRequestSchema,
  InviteCoordinatorRequestSchema,
  InvitePartnershipRequestSchema,
  NetworkIdSchema,
  NetworkInvitationPreviewSchema,
  NetworkMemberSchema,
  NetworkSchema,
  NetworkSummarySchema,
  PartnershipNetworkSchema,
  PublishTemplateVersionRequestSchema,
  SharingSchema,
  TemplateChoicesSchema,
  TemplateUpdateSchema,
  TemplateUpdatesSchema,
  TemplateVersionSchema,
} from '../../shared/schemas/networks.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { Networks } from '../networks/createNetworks.ts';
import type { NetworkActor } from '../networks/NetworkService.ts';
import type { NetworkRepository } from '../store/repositories/NetworkRepository.ts';
import { defineRoute, type HandlerContext, type Route } from './defineRoute.ts';
import { networkAccess, networkOrPartnershipAccess } from './networkAccess.ts';
import { acceptSignedInOrAsNewAccount, AcceptInvitationBody } from './invitationAcceptance.ts';

const NetworkParams = z.object({ id: NetworkIdSchema });
const MemberParams = NetworkParams.extend({ partnershipId: PartnershipIdSchema });
const PartnershipParams = z.object({ id: PartnershipIdSchema });
const SharingParams = PartnershipParams.extend({ networkId: NetworkIdSchema });
const ChangeParams = PartnershipParams.extend({ changeId: z.uuid() });
const TokenParams = z.object({ token: z.string().min(1).max(200) });
// Signed-in people accept with an empty body; newcomers send the account to create (checked in the handler, so its
// field errors read like any form's), as for a partnership's invitation.
const JoinBody = z.object({ sharing: SharingSchema.optional() });

const byId = (params: Record<string, string>): string | null => params.id ?? null;
const byPartnershipId = (params: Record<string, string>): string | null => params.partnershipId ?? null;

function actorOf(context: Pick<HandlerContext<unknown, unknown, unknown>, 'principal' | 'ip'>): NetworkActor {
  const principal = context.principal!;
  return { userId: principal.user.id, isAdmin: principal.user.isAdmin, ip: context.ip };
}

/**
 * Networks of places: creating them, coordinators and their invitation links, partnerships invited, joining and
 * leaving, what each shares, and the shared template's versions with each place's adopt or decline.
 */
export function networkRoutes(
  networks: Networks,
  repository: NetworkRepository,
  accounts: AccountService,
  publicUrl: string | null,
): Route[] {
  const { service, templates } = networks;
  const read = networkAccess(repository, 'read');
  const coordinate = networkAccess(repository, 'coordinate');
  // Links point at PUBLIC_URL when configured, else at the site the coordinator is using.
  const inviteUrl = (c: Context, token: string): string =>
    `${publicUrl ?? c.req.header('origin') ?? new URL(c.req.url).origin}/network-invite/${token}`;
  return [
    defineRoute({
      method: 'get',
      path: '/api/networks',
      summary: 'The networks I coordinate, my partnerships are in or are invited to (administrators: all)',
      tag: 'networks',
      access: { kind: 'signedIn' },
      response: z.array(NetworkSummarySchema),
      handler: (context) => service.listFor(actorOf(context)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/networks',
      summary: 'Create a network of places (administrators)',
      tag: 'networks',
      access: { kind: 'admin' },
      body: CreateNetworkRequestSchema,
      exampleBody: { name: 'North East family hubs network' },
      response: NetworkSummarySchema,
      status: 201,
      handler: (context) => service.create(actorOf(context), context.body.name),
    }),
    defineRoute({
      method: 'get',
      path: '/api/networks/:id',
      summary: 'One network, with its coordinators and the partnerships in or invited to it',
      tag: 'networks',
      access: read,
      params: NetworkParams,
      response: NetworkSchema,
      handler: ({ network, networkAccess: access }) => service.get(network!, access!),
    }),
    defineRoute({
      method: 'post',
      path: '/api/networks/:id/coordinators',
      summary: 'Invite a coordinator: a single-use link, valid for 14 days, shown once',
      tag: 'networks',
      access: coordinate,
      params: NetworkParams,
      body: InviteCoordinatorRequestSchema,
      exampleBody: { email: 'coordinator@example.org' },
      response: CreatedNetworkInvitationSchema,
      status: 201,
      handler: async (context) => {
        const { token, invitation } = await service.inviteCoordinator(
          context.network!,
          actorOf(context),
          context.body.email,
        );
        return {
          url: inviteUrl(context.c, token),
          invitation: {
            id: invitation.id,
            email: invitation.email,
            createdAt: invitation.createdAt,
            expiresAt: invitation.expiresAt,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/network-invitations/:token',
      summary: 'What a coordinator invitation link invites to (404 when used or expired)',
      tag: 'networks',
      access: { kind: 'public' },
      params: TokenParams,
      response: NetworkInvitationPreviewSchema,
      handler: ({ params }) => service.preview(params.token),
    }),
    defineRoute({
      method: 'post',
      path: '/api/network-invitations/:token/accept',
      summary: 'Become a coordinator: signed in with an empty body, or create an account (and sign in) with one',
      tag: 'networks',
      access: { kind: 'public' },
      params: TokenParams,
      body: AcceptInvitationBody,
      exampleBody: {},
      response: AcceptedNetworkInvitationSchema,
      handler: ({ c, params, body, principal, ip }) =>
        acceptSignedInOrAsNewAccount({ c, body, principal, ip }, accounts, {
          assertUsable: () => service.assertInvitationUsable(params.token),
          accept: (userId) => service.acceptInvitation(params.token, userId, ip),
        }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/networks/:id/invitations',
      summary: 'Invite a partnership to the network (its facilitators accept or decline)',
      tag: 'networks',
      access: coordinate,
      params: NetworkParams,
      body: InvitePartnershipRequestSchema,
      exampleBody: { partnershipId: 'riverside' },
      response: NetworkMemberSchema,
      status: 201,
      handler: (context) => service.invitePartnership(context.network!, actorOf(context), context.body.partnershipId),
    }),
    defineRoute({
      method: 'post',
      path: '/api/networks/:id/members/:partnershipId/accept',
      summary: 'Join a network the partnership is invited to, sharing the defaults unless told (its facilitators)',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'network.manage', partnershipOf: byPartnershipId },
      params: MemberParams,
      body: JoinBody,
      exampleBody: {},
      response: PartnershipNetworkSchema,
      handler: (context) =>
        service.join(context.params.id, context.params.partnershipId, actorOf(context), context.body.sharing),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/networks/:id/members/:partnershipId',
      summary: 'Leave the network or decline its invitation (facilitators), or remove the partnership (coordinators)',
      tag: 'networks',
      access: networkOrPartnershipAccess(repository, 'network.manage'),
      params: MemberParams,
      response: OkSchema,
      handler: async (context) => {
        const byNetwork = context.networkAccess === 'admin' || context.networkAccess === 'coordinator';
        // A coordinator who is also the partnership's facilitator acts for the partnership.
        const asPartnership = context.membership !== null && !byNetwork;
        await service.remove(context.network!, context.params.partnershipId, actorOf(context), !asPartnership);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/networks',
      summary: 'The networks the partnership is in or invited to, with what it shares with each',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(PartnershipNetworkSchema),
      handler: ({ params }) => service.partnershipNetworks(params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/networks/:networkId/sharing',
      summary: 'What the partnership shares with a network it is in or invited to',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: SharingParams,
      response: SharingSchema,
      handler: ({ params }) => service.sharing(params.id, params.networkId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/partnerships/:id/networks/:networkId/sharing',
      summary: 'Change what the partnership shares with a network (the network’s views change at once)',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'network.manage', partnershipOf: byId },
      params: SharingParams,
      body: SharingSchema,
      exampleBody: { framework: true, dataMapping: true, priorities: false, theoryOfChange: true, evidence: false },
      response: SharingSchema,
      handler: (context) =>
        service.setSharing(context.params.id, context.params.networkId, actorOf(context), context.body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/networks/:id/template-versions',
      summary: 'Publish the next version of the network template (ids and previous wording settled by the server)',
      tag: 'networks',
      access: coordinate,
      params: NetworkParams,
      body: PublishTemplateVersionRequestSchema,
      exampleBody: {
        note: 'Online safety, raised by most places',
        changes: [{ kind: 'add-outcome', domain: 'safe', level: 'child', statement: 'Children are safe online' }],
      },
      response: TemplateVersionSchema,
      status: 201,
      handler: (context) => templates.publish(context.network!, actorOf(context), context.body),
    }),
    defineRoute({
      method: 'get',
      path: '/api/networks/:id/template-versions',
      summary: 'The network template’s published versions, oldest first',
      tag: 'networks',
      access: read,
      params: NetworkParams,
      response: z.array(TemplateVersionSchema),
      handler: ({ network }) => templates.versions(network!.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/networks/:id/template-choices',
      summary: 'Each member partnership’s choice (adopted or declined) on each published change',
      tag: 'networks',
      access: read,
      params: NetworkParams,
      response: TemplateChoicesSchema,
      handler: ({ network }) => templates.choices(network!.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/template-updates',
      summary: 'Template versions of the networks the partnership is in, each change with its choice and any problem',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: TemplateUpdatesSchema,
      handler: ({ params }) => templates.updates(params.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/template-updates/:changeId/adopt',
      summary: 'Adopt a template change: written into the framework (409 with the reason when it cannot be)',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'network.manage', partnershipOf: byId },
      params: ChangeParams,
      response: TemplateUpdateSchema,
      handler: (context) => templates.adopt(context.params.id, context.params.changeId, actorOf(context)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/template-updates/:changeId/decline',
      summary: 'Decline a template change (recorded and visible to the network; 409 once adopted)',
      tag: 'networks',
      access: { kind: 'partnership', permission: 'network.manage', partnershipOf: byId },
      params: ChangeParams,
      response: TemplateUpdateSchema,
      handler: (context) => templates.decline(context.params.id, context.params.changeId, actorOf(context)),
    }),
  ];
}
