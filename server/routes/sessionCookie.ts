import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { sessionCookieName } from '../auth/Principal.ts';
import type { StartedSession } from '../accounts/AccountService.ts';

function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** Sets the session cookie: HttpOnly (no script can read it), SameSite=Lax, Secure under HTTPS. */
export function setSessionCookie(c: Context, session: StartedSession): void {
  setCookie(c, sessionCookieName, session.secret, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: new Date(session.expiresAt),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, sessionCookieName, { path: '/', secure: isHttps(c) });
}
