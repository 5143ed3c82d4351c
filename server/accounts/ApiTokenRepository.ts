import type { Database, Statement } from 'better-sqlite3';
import type { ApiToken } from '../../shared/schemas/tokens.ts';
import { hashSecret, newId, newSecret } from './secrets.ts';

interface TokenRow {
  id: string;
  user_id: string;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

const toToken = (row: TokenRow): ApiToken => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
});

/** Personal API tokens for scripts: stored hashed, shown once, revocable. */
export class ApiTokenRepository {
  readonly #insert: Statement<[string, string, string, string, string]>;
  readonly #byHash: Statement<[string], TokenRow>;
  readonly #list: Statement<[string], TokenRow>;
  readonly #revoke: Statement<[string, string, string]>;
  readonly #touch: Statement<[string, string]>;

  constructor(db: Database) {
    this.#insert = db.prepare(
      'INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#byHash = db.prepare('SELECT * FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL');
    this.#list = db.prepare(
      'SELECT * FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL ORDER BY created_at DESC',
    );
    this.#revoke = db.prepare(
      'UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL',
    );
    this.#touch = db.prepare('UPDATE api_tokens SET last_used_at = ? WHERE id = ?');
  }

  /** Creates a token; the secret is returned here and never again. */
  create(userId: string, name: string): { secret: string; token: ApiToken } {
    const id = newId();
    const secret = newSecret('cgt_');
    this.#insert.run(id, userId, name, hashSecret(secret), new Date().toISOString());
    return { secret, token: toToken(this.#byHash.get(hashSecret(secret))!) };
  }

  /** The owner and id of a live token, recording its use. */
  authenticate(secret: string): { tokenId: string; userId: string } | null {
    const row = this.#byHash.get(hashSecret(secret));
    if (!row) return null;
    this.#touch.run(new Date().toISOString(), row.id);
    return { tokenId: row.id, userId: row.user_id };
  }

  list(userId: string): ApiToken[] {
    return this.#list.all(userId).map(toToken);
  }

  /** Revokes one of the user's own tokens; false when there was no such live token. */
  revoke(userId: string, tokenId: string): boolean {
    return this.#revoke.run(new Date().toISOString(), tokenId, userId).changes > 0;
  }
}
