import { z } from 'zod';
import { NewAccountSchema } from '../../shared/schemas/auth.ts';
import { AcceptedInvitationSchema, InvitationPreviewSchema } from '../../shared/schemas/partnerships.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import { HttpError } from '../http/errors.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { setSessionCookie } from './sessionCookie.ts';

const TokenParams = z.object({ token: z.string().min(1).max(200) });
// Signed-in people accept with an empty body; newcomers send the account to create (checked in the handler,
// so its field errors read like any form's).
const AcceptBody = z.record(z.string(), z.unknown());

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
      body: AcceptBody,
      exampleBody: {},
      response: AcceptedInvitationSchema,
      handler: async ({ c, params, body, principal, ip }) => {
        if (principal) return service.accept(params.token, principal.user.id, ip);
        if (Object.keys(body).length === 0) {
          throw new HttpError(400, 'account_required', 'Sign in, or give the details of the account to create');
        }
        const account = NewAccountSchema.safeParse(body);
        if (!account.success) {
          throw new HttpError(
            400,
            'invalid_request',
            'The account details are not valid',
            account.error.issues.map((issue) => ({ path: issue.path.map(String), message: issue.message })),
          );
        }
        await service.assertInvitationUsable(params.token);
        const user = await accounts.createAccount(account.data, { isAdmin: false, ip });
        const accepted = await service.accept(params.token, user.id, ip);
        setSessionCookie(c, await accounts.startSession(user.id));
        return accepted;
      },
    }),
  ];
}
