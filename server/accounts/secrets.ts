import crypto from 'node:crypto';

/** A new random secret (session id, invitation or API token), URL-safe, 256 bits. */
export function newSecret(prefix = ''): string {
  return prefix + crypto.randomBytes(32).toString('base64url');
}

/** How secrets are stored: a SHA-256 digest, so a copy of the database cannot be used to sign in. */
export function hashSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret).digest('hex');
}

/** A new opaque id for a row. */
export function newId(): string {
  return crypto.randomUUID();
}
