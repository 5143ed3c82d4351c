import type { Context } from 'hono';
import { z } from 'zod';
import { OkSchema } from '../../shared/schemas/auth.ts';
import { AuditEntrySchema, AuditQuerySchema } from '../../shared/schemas/audit.ts';
import {
  CreatedInvitationSchema,
  CreateInvitationRequestSchema,
  CreatePartnershipRequestSchema,
  InvitationSchema,
  MemberSchema,
  PartnershipSchema,
  UpdateMemberRequestSchema,
} from '../../shared/schemas/partnerships.ts';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import type { AuditLog } from '../store/repositories/AuditLog.ts';
import type { InvitationRepository } from '../store/repositories/InvitationRepository.ts';
import { noNotifications, type Notify } from '../mail/notifications.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const MemberParams = PartnershipParams.extend({ userId: z.string().min(1).max(100) });
const InvitationParams = PartnershipParams.extend({ invitationId: z.string().min(1).max(100) });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** Partnerships, members, invitations and each partnership's audit log. */
export function partnershipRoutes(
  service: PartnershipService,
  invitations: InvitationRepository,
  audit: AuditLog,
  publicUrl: string | null,
  notify: Pick<Notify, 'invitationCreated'> = noNotifications,
): Route[] {
  // Links point at PUBLIC_URL when configured, else at the site the facilitator is using.
  const inviteUrl = (c: Context, token: string): string =>
    `${publicUrl ?? c.req.header('origin') ?? new URL(c.req.url).origin}/invite/${token}`;
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships',
      summary: 'The partnerships I belong to (administrators: all)',
      tag: 'partnerships',
      access: { kind: 'signedIn' },
      response: z.array(PartnershipSchema),
      handler: ({ principal }) => service.list(principal!),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships',
      summary: 'Create a partnership from a template (administrators)',
      tag: 'partnerships',
      access: { kind: 'admin' },
      body: CreatePartnershipRequestSchema,
      exampleBody: { name: 'Riverside Family Hubs', areaName: 'Riverside', areaCode: 'E09000024', template: 'blank' },
      response: PartnershipSchema,
      status: 201,
      handler: ({ principal, body, ip }) => service.create(principal!, body, ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id',
      summary: 'One partnership, with my role in it',
      tag: 'partnerships',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: PartnershipSchema,
      handler: ({ partnership, membership }) => service.describe(partnership!, membership?.role ?? null),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/members',
      summary: 'Members with their organisation, role and voting flag (emails for facilitators only)',
      tag: 'members',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(MemberSchema),
      handler: ({ partnership, membership }) => service.members(partnership!.id, membership?.role ?? null),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/partnerships/:id/members/:userId',
      summary: "Change a member's role, organisation or voting flag; takes effect on their open connections at once",
      tag: 'members',
      access: { kind: 'partnership', permission: 'members.manage', partnershipOf: byId },
      params: MemberParams,
      body: UpdateMemberRequestSchema,
      exampleBody: { isVotingMember: true },
      response: MemberSchema,
      handler: ({ principal, params, body, ip }) =>
        service.updateMember(principal!, params.id, params.userId, body, ip),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/partnerships/:id/members/:userId',
      summary: 'Remove a member; their open connections close at once',
      tag: 'members',
      access: { kind: 'partnership', permission: 'members.manage', partnershipOf: byId },
      params: MemberParams,
      response: OkSchema,
      handler: async ({ principal, params, ip }) => {
        await service.removeMember(principal!, params.id, params.userId, ip);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/invitations',
      summary: 'Invitations sent for this partnership, pending first',
      tag: 'members',
      access: { kind: 'partnership', permission: 'members.manage', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(InvitationSchema),
      handler: async ({ partnership }) =>
        (await invitations.list(partnership!.id))
          .sort((a, b) => Number(b.status === 'pending') - Number(a.status === 'pending'))
          .map(({ partnershipId: _p, createdById: _c, ...invitation }) => invitation),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/invitations',
      summary:
        'Create a single-use invitation link (7 days); the link is in this answer only, and emailed when `email` is given',
      tag: 'members',
      access: { kind: 'partnership', permission: 'members.manage', partnershipOf: byId },
      params: PartnershipParams,
      body: CreateInvitationRequestSchema,
      exampleBody: {
        role: 'editor',
        organisation: 'NHS Riverside',
        isVotingMember: true,
        note: 'Health visiting lead',
      },
      response: CreatedInvitationSchema,
      status: 201,
      handler: async ({ c, principal, params, body, ip }) => {
        const { email, ...request } = body;
        const { token, invitation } = await service.invite(principal!, params.id, request, ip);
        const { partnershipId: _p, createdById: _c, ...shown } = invitation;
        const url = inviteUrl(c, token);
        if (email) {
          notify.invitationCreated({
            partnershipId: params.id,
            email,
            url,
            invitedBy: principal!.user.displayName,
            role: invitation.role,
            expiresAt: invitation.expiresAt,
          });
        }
        return { url, invitation: shown };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/partnerships/:id/invitations/:invitationId',
      summary: 'Revoke a pending invitation',
      tag: 'members',
      access: { kind: 'partnership', permission: 'members.manage', partnershipOf: byId },
      params: InvitationParams,
      response: OkSchema,
      handler: async ({ principal, params, ip }) => {
        await service.revokeInvitation(principal!, params.id, params.invitationId, ip);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/audit',
      summary:
        "The partnership's audit log, newest first, a page at a time (before = the oldest id shown), filtered by kind, person and dates",
      tag: 'audit',
      access: { kind: 'partnership', permission: 'audit.view', partnershipOf: byId },
      params: PartnershipParams,
      query: AuditQuerySchema,
      response: z.array(AuditEntrySchema),
      handler: ({ partnership, query }) => audit.forPartnership(partnership!.id, query),
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/audit',
      summary: 'The whole instance audit log, newest first (administrators)',
      tag: 'audit',
      access: { kind: 'admin' },
      query: AuditQuerySchema,
      response: z.array(AuditEntrySchema),
      handler: ({ query }) => audit.all(query),
    }),
  ];
}
