import type { User } from '../../shared/schemas/auth.ts';

/** Who is making a request, and how they proved it. */
export interface Principal {
  user: User;
  via: 'session' | 'token';
  /** Hash of the session id, when signed in by cookie (to end this session, or all others). */
  sessionIdHash: string | null;
  tokenId: string | null;
  /** True for a read-only API token: GET routes and read-only document connections only. */
  readOnly: boolean;
}

/** The name of the session cookie. */
export const sessionCookieName = 'cg_session';
