import { z } from 'zod';
import {
  LoginRequestSchema,
  MeSchema,
  NewAccountSchema,
  OkSchema,
  SetupStatusSchema,
} from '../../shared/schemas/auth.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { FirstRun } from '../accounts/FirstRun.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { clearSessionCookie, setSessionCookie } from './sessionCookie.ts';

const SetupParams = z.object({ token: z.string().min(1).max(200) });

/** Sign-in, sign-out and the first-run setup link. */
export function authRoutes(accounts: AccountService, firstRun: FirstRun): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/auth/login',
      summary: 'Sign in with email and password; sets the session cookie',
      tag: 'auth',
      access: { kind: 'public' },
      body: LoginRequestSchema,
      exampleBody: { email: 'chair@example.org', password: 'correct horse battery staple' },
      response: MeSchema,
      handler: async ({ c, body, ip }) => {
        const { me, session } = await accounts.login(body.email, body.password, ip);
        setSessionCookie(c, session);
        return me;
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout',
      summary: 'Sign out of this browser',
      tag: 'auth',
      access: { kind: 'signedIn' },
      response: OkSchema,
      handler: async ({ c, principal, ip }) => {
        await accounts.logout(principal!, ip);
        clearSessionCookie(c);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/auth/logout-everywhere',
      summary: 'Sign out of every browser and close every open connection',
      tag: 'auth',
      access: { kind: 'session' },
      response: OkSchema,
      handler: async ({ c, principal, ip }) => {
        await accounts.logoutEverywhere(principal!, ip);
        clearSessionCookie(c);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/setup/:token',
      summary: 'Whether a first-run setup link is still usable',
      tag: 'auth',
      access: { kind: 'public' },
      params: SetupParams,
      response: SetupStatusSchema,
      handler: async ({ params }) => ({ valid: await firstRun.isValid(params.token) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/setup/:token',
      summary: 'Create the first administrator with the one-time setup link; signs them in',
      tag: 'auth',
      access: { kind: 'public' },
      params: SetupParams,
      body: NewAccountSchema,
      exampleBody: {
        email: 'admin@example.org',
        displayName: 'Ada Admin',
        organisation: 'Council',
        password: 'correct horse battery staple',
      },
      response: MeSchema,
      status: 201,
      handler: async ({ c, params, body, ip }) => {
        const user = await firstRun.complete(params.token, body, ip);
        setSessionCookie(c, await accounts.startSession(user.id));
        return accounts.me(user.id, 'session');
      },
    }),
  ];
}
