import { z } from 'zod';
import {
  ChangePasswordRequestSchema,
  MeSchema,
  OkSchema,
  UpdateMeRequestSchema,
  UserSchema,
} from '../../shared/schemas/auth.ts';
import { ApiTokenSchema, CreatedTokenSchema, CreateTokenRequestSchema } from '../../shared/schemas/tokens.ts';
import type { AccountService } from '../accounts/AccountService.ts';
import type { ApiTokenRepository } from '../store/repositories/ApiTokenRepository.ts';
import type { AuditLog } from '../store/repositories/AuditLog.ts';
import { defineRoute, type Route } from './defineRoute.ts';

/** The signed-in person's own account: profile, password, API tokens. */
export function meRoutes(accounts: AccountService, tokens: ApiTokenRepository, audit: AuditLog): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/me',
      summary: 'Who I am and the partnerships I belong to',
      tag: 'me',
      access: { kind: 'signedIn' },
      response: MeSchema,
      handler: ({ principal }) => accounts.me(principal!.user.id, principal!.via),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/me',
      summary: 'Change my name or organisation',
      tag: 'me',
      access: { kind: 'session' },
      body: UpdateMeRequestSchema,
      exampleBody: { displayName: 'Sam Patel' },
      response: UserSchema,
      handler: ({ principal, body }) => accounts.updateProfile(principal!.user.id, body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/password',
      summary: 'Change my password; signs out my other sessions',
      tag: 'me',
      access: { kind: 'session' },
      body: ChangePasswordRequestSchema,
      exampleBody: { currentPassword: 'wrong on purpose in examples', newPassword: 'a much longer passphrase' },
      response: OkSchema,
      handler: async ({ principal, body, ip }) => {
        await accounts.changePassword(principal!, body.currentPassword, body.newPassword, ip);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/tokens',
      summary: 'My API tokens (never their secrets)',
      tag: 'me',
      access: { kind: 'session' },
      response: z.array(ApiTokenSchema),
      handler: ({ principal }) => tokens.list(principal!.user.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/tokens',
      summary: 'Create an API token (read-only or read-write, optionally expiring); its secret is in this answer only',
      tag: 'me',
      access: { kind: 'session' },
      body: CreateTokenRequestSchema,
      exampleBody: { name: 'Data upload script', scope: 'read-only', expiresInDays: 90 },
      response: CreatedTokenSchema,
      status: 201,
      handler: async ({ principal, body, ip }) => {
        const expiresAt =
          body.expiresInDays === null ? null : new Date(Date.now() + body.expiresInDays * 86_400_000).toISOString();
        const { secret, token } = await tokens.create(principal!.user.id, body.name, { scope: body.scope, expiresAt });
        await audit.record({
          action: 'token.created',
          actorId: principal!.user.id,
          target: token.id,
          details: { name: body.name, scope: body.scope, expiresAt },
          ip,
        });
        return { token: secret, apiToken: token };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/me/tokens/:tokenId',
      summary: 'Revoke one of my API tokens',
      tag: 'me',
      access: { kind: 'session' },
      params: z.object({ tokenId: z.string().min(1).max(100) }),
      response: OkSchema,
      handler: async ({ principal, params, ip }) => {
        await accounts.revokeToken(principal!, params.tokenId, ip);
        return { ok: true as const };
      },
    }),
  ];
}
