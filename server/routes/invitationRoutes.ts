import { z } from 'zod';
import { AcceptedInvitationSchema, InvitationPreviewSchema } from '../../shared/schemas/partnerships.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { acceptSignedInOrAsNewAccount, AcceptInvitationBody } from './invitationAcceptance.ts';

const TokenParams = z.object({ token: z.string().min(1).max(200) });
// Signed-in people accept with an empty body; newcomers send the account to create (checked in the handler,
// so its field errors read like any form's).

/** What an invitation link offers, and accepting it (with or without an account). */
export function invitationRoutes(service: PartnershipService, accounts: AccountService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/invitations/:token',
      summary: 'What an invitation link invites to (404 when used, revoked or expired)',
      tag: 'invitations',
      access: { kind: 'public' },
      params: TokenParams,
      response: InvitationPreviewSchema,
      handler: ({ params }) => service.preview(params.token),
    }),
    defineRoute({
      method: 'post',
      path: '/api/invitations/:token/accept',
      summary: 'Accept an invitation: signed in with an empty body, or create an account (and sign in) with one',
      tag: 'invitations',
      access: { kind: 'public' },
      params: TokenParams,
      body: AcceptInvitationBody,
      exampleBody: {},
      response: AcceptedInvitationSchema,
      handler: ({ c, params, body, principal, ip }) =>
        acceptSignedInOrAsNewAccount({ c, body, principal, ip }, accounts, {
          assertUsable: () => service.assertInvitationUsable(params.token),
          accept: (userId) => service.accept(params.token, userId, ip),
        }),
    }),
  ];
}
