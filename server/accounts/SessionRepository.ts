import type { Database, Statement } from 'better-sqlite3';
import { hashSecret, newSecret } from './secrets.ts';

/** How long sessions last: idle expiry (no request for this long) and absolute expiry (since sign-in). */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

interface SessionRow {
  id_hash: string;
  user_id: string;
  last_seen_at: number;
  expires_at: number;
}

/** A live session found from its cookie. */
export interface Session {
  idHash: string;
  userId: string;
}

// Writing last_seen_at on every request would turn every read into a write; a minute's precision is plenty.
const touchEveryMs = 60_000;

/** Server-side sessions; the cookie holds a random secret and the table only its hash. */
export class SessionRepository {
  readonly #policy: SessionPolicy;
  readonly #insert: Statement<[string, string, number, number, number]>;
  readonly #find: Statement<[string], SessionRow>;
  readonly #touch: Statement<[number, string]>;
  readonly #delete: Statement<[string]>;
  readonly #deleteForUser: Statement<[string]>;
  readonly #deleteForUserExcept: Statement<[string, string]>;
  readonly #listForUser: Statement<[string], { id_hash: string }>;
  readonly #purge: Statement<[number, number]>;

  constructor(db: Database, policy: SessionPolicy) {
    this.#policy = policy;
    this.#insert = db.prepare(
      'INSERT INTO sessions (id_hash, user_id, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#find = db.prepare('SELECT id_hash, user_id, last_seen_at, expires_at FROM sessions WHERE id_hash = ?');
    this.#touch = db.prepare('UPDATE sessions SET last_seen_at = ? WHERE id_hash = ?');
    this.#delete = db.prepare('DELETE FROM sessions WHERE id_hash = ?');
    this.#deleteForUser = db.prepare('DELETE FROM sessions WHERE user_id = ?');
    this.#deleteForUserExcept = db.prepare('DELETE FROM sessions WHERE user_id = ? AND id_hash != ?');
    this.#listForUser = db.prepare('SELECT id_hash FROM sessions WHERE user_id = ?');
    this.#purge = db.prepare('DELETE FROM sessions WHERE expires_at < ? OR last_seen_at < ?');
  }

  /** Starts a session; returns the secret for the cookie (shown nowhere else). */
  create(userId: string, now = Date.now()): { secret: string; idHash: string; expiresAt: number } {
    const secret = newSecret();
    const idHash = hashSecret(secret);
    const expiresAt = now + this.#policy.absoluteMs;
    this.#insert.run(idHash, userId, now, now, expiresAt);
    return { secret, idHash, expiresAt };
  }

  /** Finds a live session by its cookie secret, extending its idle expiry; expired ones are deleted. */
  find(secret: string, now = Date.now()): Session | null {
    const idHash = hashSecret(secret);
    const row = this.#find.get(idHash);
    if (!row) return null;
    if (row.expires_at <= now || row.last_seen_at + this.#policy.idleMs <= now) {
      this.#delete.run(idHash);
      return null;
    }
    if (now - row.last_seen_at > touchEveryMs) this.#touch.run(now, idHash);
    return { idHash, userId: row.user_id };
  }

  /** Ends one session. */
  delete(idHash: string): void {
    this.#delete.run(idHash);
  }

  /** Ends every session of a user, or every one but `keepIdHash`; returns the ended sessions' hashes. */
  deleteForUser(userId: string, keepIdHash?: string): string[] {
    const ended = this.#listForUser
      .all(userId)
      .map((row) => row.id_hash)
      .filter((hash) => hash !== keepIdHash);
    if (keepIdHash) this.#deleteForUserExcept.run(userId, keepIdHash);
    else this.#deleteForUser.run(userId);
    return ended;
  }

  /** Deletes expired sessions. */
  purgeExpired(now = Date.now()): void {
    this.#purge.run(now, now - this.#policy.idleMs);
  }
}
