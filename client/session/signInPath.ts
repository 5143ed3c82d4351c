/** The sign-in address that brings the person back to `next` afterwards. */
export function signInPath(next: string | null): string {
  return next && next !== '/' ? `/sign-in?next=${encodeURIComponent(next)}` : '/sign-in';
}

/**
 * Where to go after signing in: the `next` parameter if it is a path on this site, else the partnerships list.
 * Anything else (another site, `//evil.example`, a `javascript:` address) is ignored.
 */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/sign-in')) return '/';
  return next;
}
