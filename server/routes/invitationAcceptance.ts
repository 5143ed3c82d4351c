import type { Context } from 'hono';
import { z } from 'zod';
import { NewAccountSchema } from '../../shared/schemas/auth.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError } from '../http/errors.ts';
import { setSessionCookie } from './sessionCookie.ts';

/** The body of an invitation's accept route: empty when signed in, else the account to create. */
export const AcceptInvitationBody = z.record(z.string(), z.unknown());

/**
 * Accepts a single-use invitation (a partnership's or a network coordinator's) for whoever is signed in, or else
 * creates the account the body describes, accepts as it and signs it in. The link is checked before an account is
 * made, so a used link makes no orphan account.
 */
export async function acceptSignedInOrAsNewAccount<T>(
  context: { c: Context; body: Record<string, unknown>; principal: Principal | null; ip: string | null },
  accounts: AccountService,
  invitation: { assertUsable: () => Promise<void>; accept: (userId: string) => Promise<T> },
): Promise<T> {
  const { c, body, principal, ip } = context;
  if (principal) return invitation.accept(principal.user.id);
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
  await invitation.assertUsable();
  const user = await accounts.createAccount(account.data, { isAdmin: false, ip });
  const accepted = await invitation.accept(user.id);
  setSessionCookie(c, await accounts.startSession(user.id));
  return accepted;
}
