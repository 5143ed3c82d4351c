import { parse as parseCookies } from 'hono/utils/cookie';
import type { SessionRepository } from '../accounts/SessionRepository.ts';
import type { ApiTokenRepository } from '../accounts/ApiTokenRepository.ts';
import type { UserRepository } from '../accounts/UserRepository.ts';
import { sessionCookieName, type Principal } from './Principal.ts';

export interface Authenticator {
  /** Resolves the principal from a Cookie header, an Authorization header, or a `token` (sockets only). */
  authenticate(input: {
    cookie?: string | null;
    authorization?: string | null;
    token?: string | null;
  }): Principal | null;
}

/** Session cookie first (browsers), then a bearer or query token (scripts and integrations). */
export function createAuthenticator(
  users: UserRepository,
  sessions: SessionRepository,
  tokens: ApiTokenRepository,
): Authenticator {
  return {
    authenticate({ cookie, authorization, token }) {
      const secret = cookie ? parseCookies(cookie, sessionCookieName)[sessionCookieName] : undefined;
      if (secret) {
        const session = sessions.find(secret);
        const user = session ? users.findById(session.userId) : null;
        if (session && user) {
          const { passwordHash: _hash, ...publicUser } = user;
          return { user: publicUser, via: 'session', sessionIdHash: session.idHash, tokenId: null };
        }
      }
      const bearer = authorization?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? token;
      if (bearer) {
        const found = tokens.authenticate(bearer);
        const user = found ? users.findById(found.userId) : null;
        if (found && user) {
          const { passwordHash: _hash, ...publicUser } = user;
          return { user: publicUser, via: 'token', sessionIdHash: null, tokenId: found.tokenId };
        }
      }
      return null;
    },
  };
}
