import {
  MeSchema,
  OkSchema,
  SetupStatusSchema,
  type LoginRequest,
  type Me,
  type NewAccount,
} from '../../shared/schemas/auth.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** Who is signed in, with their memberships; throws a 401 `ApiError` when nobody is. */
export function fetchMe(signal?: AbortSignal): Promise<Me> {
  return apiRequest('GET', '/api/me', { schema: MeSchema, ...(signal ? { signal } : {}) });
}

/** Signs in with an email and password; the server sets the session cookie. */
export function signIn(credentials: LoginRequest): Promise<Me> {
  return apiRequest('POST', '/api/auth/login', { body: credentials, schema: MeSchema });
}

/** Ends this browser's session. */
export async function signOut(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout', { body: {}, schema: OkSchema });
}

/** Ends every session of the signed-in person, on every device. */
export async function signOutEverywhere(): Promise<void> {
  await apiRequest('POST', '/api/auth/logout-everywhere', { body: {}, schema: OkSchema });
}

/** Whether a one-time setup link can still create the first administrator. */
export async function isSetupLinkValid(token: string, signal?: AbortSignal): Promise<boolean> {
  const status = await apiRequest('GET', `/api/setup/${segment(token)}`, {
    schema: SetupStatusSchema,
    ...(signal ? { signal } : {}),
  });
  return status.valid;
}

/** Creates the first administrator from a setup link and signs them in. */
export function completeSetup(token: string, account: NewAccount): Promise<Me> {
  return apiRequest('POST', `/api/setup/${segment(token)}`, { body: account, schema: MeSchema });
}
