import { hashSecret } from '../../accounts/secrets.ts';
import type { SqlContext } from '../Store.ts';

/** One-time links that create the first administrator; only their hashes are stored. */
export interface SetupTokenRepository {
  /** Replaces any earlier link with this one. */
  replace(secret: string, expiresAt: number): Promise<void>;
  isLive(secret: string, now?: number): Promise<boolean>;
  clear(): Promise<void>;
}

export function createSetupTokenRepository({ db }: SqlContext): SetupTokenRepository {
  return {
    async replace(secret, expiresAt) {
      await db.deleteFrom('setup_tokens').execute();
      await db
        .insertInto('setup_tokens')
        .values({ token_hash: hashSecret(secret), expires_at: expiresAt })
        .execute();
    },
    async isLive(secret, now = Date.now()) {
      const row = await db
        .selectFrom('setup_tokens')
        .select('token_hash')
        .where('token_hash', '=', hashSecret(secret))
        .where('expires_at', '>', now)
        .executeTakeFirst();
      return row !== undefined;
    },
    async clear() {
      await db.deleteFrom('setup_tokens').execute();
    },
  };
}
