import type { Selectable } from 'kysely';
import type { ApiToken, TokenScope } from '../../../shared/schemas/tokens.ts';
import { hashSecret, newId, newSecret } from '../../accounts/secrets.ts';
import type { ApiTokensTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** Personal API tokens for scripts: stored hashed, shown once, revocable. */
export interface ApiTokenRepository {
  /** Creates a token (read-write, never expiring, unless told); the secret is returned here and never again. */
  create(
    userId: string,
    name: string,
    options?: { scope?: TokenScope; expiresAt?: string | null },
  ): Promise<{ secret: string; token: ApiToken }>;
  /** The owner, id and scope of a live token (not revoked, not expired), recording its use. */
  authenticate(secret: string): Promise<{ tokenId: string; userId: string; scope: TokenScope } | null>;
  /** The user's tokens not revoked, newest first; expired ones are listed as expired. */
  list(userId: string): Promise<ApiToken[]>;
  /** Revokes one of the user's own tokens; false when there was no such live token. */
  revoke(userId: string, tokenId: string): Promise<boolean>;
}

const scopeOf = (row: Selectable<ApiTokensTable>): TokenScope =>
  row.scope === 'read-only' ? 'read-only' : 'read-write';

const isExpired = (row: Selectable<ApiTokensTable>, now: string): boolean =>
  row.expires_at !== null && row.expires_at <= now;

const toToken = (row: Selectable<ApiTokensTable>): ApiToken => ({
  id: row.id,
  name: row.name,
  scope: scopeOf(row),
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
  expired: isExpired(row, new Date().toISOString()),
});

export function createApiTokenRepository({ db }: SqlContext): ApiTokenRepository {
  const live = (secret: string) =>
    db
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashSecret(secret))
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
  return {
    async create(userId, name, options = {}) {
      const id = newId();
      const secret = newSecret('cgt_');
      await db
        .insertInto('api_tokens')
        .values({
          id,
          user_id: userId,
          name,
          token_hash: hashSecret(secret),
          created_at: new Date().toISOString(),
          scope: options.scope ?? 'read-write',
          expires_at: options.expiresAt ?? null,
        })
        .execute();
      return { secret, token: toToken((await live(secret))!) };
    },
    async authenticate(secret) {
      const row = await live(secret);
      if (!row || isExpired(row, new Date().toISOString())) return null;
      await db
        .updateTable('api_tokens')
        .set({ last_used_at: new Date().toISOString() })
        .where('id', '=', row.id)
        .execute();
      return { tokenId: row.id, userId: row.user_id, scope: scopeOf(row) };
    },
    async list(userId) {
      const rows = await db
        .selectFrom('api_tokens')
        .selectAll()
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      return rows.map(toToken);
    },
    async revoke(userId, tokenId) {
      const result = await db
        .updateTable('api_tokens')
        .set({ revoked_at: new Date().toISOString() })
        .where('id', '=', tokenId)
        .where('user_id', '=', userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },
  };
}
