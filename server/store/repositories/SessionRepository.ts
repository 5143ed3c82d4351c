import { hashSecret, newSecret } from '../../accounts/secrets.ts';
import type { SqlContext } from '../Store.ts';

/** How long sessions last: idle expiry (no request for this long) and absolute expiry (since sign-in). */
export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

/** A live session found from its cookie. */
export interface Session {
  idHash: string;
  userId: string;
}

/** Server-side sessions; the cookie holds a random secret and the table only its hash. */
export interface SessionRepository {
  /** Starts a session; returns the secret for the cookie (shown nowhere else). */
  create(userId: string, now?: number): Promise<{ secret: string; idHash: string; expiresAt: number }>;
  /** Finds a live session by its cookie secret, extending its idle expiry; expired ones are deleted. */
  find(secret: string, now?: number): Promise<Session | null>;
  /** Ends one session. */
  delete(idHash: string): Promise<void>;
  /** Ends every session of a user, or every one but `keepIdHash`; returns the ended sessions' hashes. */
  deleteForUser(userId: string, keepIdHash?: string): Promise<string[]>;
  /** Deletes expired sessions. */
  purgeExpired(now?: number): Promise<void>;
}

// Writing last_seen_at on every request would turn every read into a write; a minute's precision is plenty.
const touchEveryMs = 60_000;

export function createSessionRepository({ db }: SqlContext, policy: SessionPolicy): SessionRepository {
  const remove = async (idHash: string): Promise<void> => {
    await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  };
  return {
    async create(userId, now = Date.now()) {
      const secret = newSecret();
      const idHash = hashSecret(secret);
      const expiresAt = now + policy.absoluteMs;
      await db
        .insertInto('sessions')
        .values({ id_hash: idHash, user_id: userId, created_at: now, last_seen_at: now, expires_at: expiresAt })
        .execute();
      return { secret, idHash, expiresAt };
    },
    async find(secret, now = Date.now()) {
      const idHash = hashSecret(secret);
      const row = await db
        .selectFrom('sessions')
        .select(['user_id', 'last_seen_at', 'expires_at'])
        .where('id_hash', '=', idHash)
        .executeTakeFirst();
      if (!row) return null;
      if (row.expires_at <= now || row.last_seen_at + policy.idleMs <= now) {
        await remove(idHash);
        return null;
      }
      if (now - row.last_seen_at > touchEveryMs) {
        await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
      }
      return { idHash, userId: row.user_id };
    },
    delete: remove,
    async deleteForUser(userId, keepIdHash) {
      let query = db.deleteFrom('sessions').where('user_id', '=', userId);
      if (keepIdHash) query = query.where('id_hash', '!=', keepIdHash);
      const ended = await query.returning('id_hash').execute();
      return ended.map((row) => row.id_hash);
    },
    async purgeExpired(now = Date.now()) {
      await db
        .deleteFrom('sessions')
        .where((eb) => eb.or([eb('expires_at', '<', now), eb('last_seen_at', '<', now - policy.idleMs)]))
        .execute();
    },
  };
}
