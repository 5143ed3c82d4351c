import { z } from 'zod';
import {
  OkSchema,
  UserSchema,
  type ChangePasswordRequest,
  type UpdateMeRequest,
  type User,
} from '../../shared/schemas/auth.ts';
import {
  ApiTokenSchema,
  CreatedTokenSchema,
  type ApiToken,
  type CreateTokenRequest,
  type CreatedToken,
} from '../../shared/schemas/tokens.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** Changes my display name or organisation. */
export function updateMe(change: UpdateMeRequest): Promise<User> {
  return apiRequest('PATCH', '/api/me', { body: change, schema: UserSchema });
}

/** Changes my password; the server signs out my other sessions. */
export async function changePassword(request: ChangePasswordRequest): Promise<void> {
  await apiRequest('POST', '/api/me/password', { body: request, schema: OkSchema });
}

/** My personal API tokens (never their secrets). */
export function listTokens(signal?: AbortSignal): Promise<ApiToken[]> {
  return apiRequest('GET', '/api/me/tokens', { schema: z.array(ApiTokenSchema), ...(signal ? { signal } : {}) });
}

/** Creates a token; the secret in the answer is never shown again. */
export function createToken(request: CreateTokenRequest): Promise<CreatedToken> {
  return apiRequest('POST', '/api/me/tokens', { body: request, schema: CreatedTokenSchema });
}

/** Revokes a token at once. */
export async function revokeToken(tokenId: string): Promise<void> {
  await apiRequest('DELETE', `/api/me/tokens/${segment(tokenId)}`, { schema: OkSchema });
}
