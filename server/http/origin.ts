/**
 * Whether a request's Origin may act on this server: absent (non-browser clients, which cannot ride a
 * cookie cross-site), the server's own origin, or one of the configured public origins.
 */
export function isAllowedOrigin(
  origin: string | null | undefined,
  host: string | null | undefined,
  publicOrigins: readonly string[],
): boolean {
  if (!origin) return true;
  if (publicOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
