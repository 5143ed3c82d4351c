import type { Kysely } from 'kysely';
import type { ColumnTypes, StoreKind } from './columnTypes.ts';
import type { Tables } from './schema.ts';
import { addColumnIfMissing } from './schemaChanges.ts';

/**
 * Migration step 10: each ballot keeps the SHA-256 of the receipt code its voter was given when it was accepted
 * (never the code, never who holds it). Ballots cast before receipts existed have none (null), and the published
 * list says so.
 */
export async function addBallotReceipts({
  db,
  kind,
  t,
}: {
  db: Kysely<Tables>;
  kind: StoreKind;
  t: ColumnTypes;
}): Promise<void> {
  await addColumnIfMissing(db, kind, 'ballots', 'receipt_hash', t.text);
}
