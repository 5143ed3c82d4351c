import { parse as parseCookies } from 'hono/utils/cookie';
import type { ApiTokenRepository } from '../store/repositories/ApiTokenRepository.ts';
import type { SessionRepository } from '../store/repositories/SessionRepository.ts';
import type { UserRepository } from '../store/repositories/UserRepository.ts';
import { sessionCookieName, type Principal } from './Principal.ts';

export interface Authenticator {
  /** Resolves the principal from a Cookie header, an Authorization header, or a `token` (sockets only). */
  authenticate(input: {
    cookie?: string | null;
    authorization?: string | null;
    token?: string | null;
  }): Promise<Principal | null>;
}

/** Session cookie first (browsers), then a bearer or query token (scripts and integrations). */
export function createAuthenticator(
  users: UserRepository,
  sessions: SessionRepository,
  tokens: ApiTokenRepository,
): Authenticator {
  return {
    async authenticate({ cookie, authorization, token }) {
      const secret = cookie ? parseCookies(cookie, sessionCookieName)[sessionCookieName] : undefined;
      if (secret) {
        const session = await sessions.find(secret);
        const user = session ? await users.findById(session.userId) : null;
        if (session && user) {
          const { passwordHash: _hash, ...publicUser } = user;
          return { user: publicUser, via: 'session', sessionIdHash: session.idHash, tokenId: null, readOnly: false };
        }
      }
      const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? token;
      if (bearer) {
        const found = await tokens.authenticate(bearer);
        const user = found ? await users.findById(found.userId) : null;
        if (found && user) {
          const { passwordHash: _hash, ...publicUser } = user;
          return {
            user: publicUser,
            via: 'token',
            sessionIdHash: null,
            tokenId: found.tokenId,
            readOnly: found.scope === 'read-only',
          };
        }
      }
      return null;
    },
  };
}
