import type { Kysely } from 'kysely';
import type { ColumnTypes, StoreKind } from './columnTypes.ts';
import type { Tables } from './schema.ts';
import { addColumnIfMissing } from './schemaChanges.ts';

/**
 * Migration step 11: API tokens get a scope (read-only or read-write; existing tokens keep working as read-write,
 * stored as null) and an optional expiry.
 */
export async function addTokenScopes({
  db,
  kind,
  t,
}: {
  db: Kysely<Tables>;
  kind: StoreKind;
  t: ColumnTypes;
}): Promise<void> {
  await addColumnIfMissing(db, kind, 'api_tokens', 'scope', t.text);
  await addColumnIfMissing(db, kind, 'api_tokens', 'expires_at', t.text);
}
