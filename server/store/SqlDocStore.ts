import { sql, type Kysely } from 'kysely';
import type { StoreKind } from './columnTypes.ts';
import type { AppendEntry, DocStore, StoredDocument } from './DocStore.ts';
import type { Tables } from './schema.ts';

/**
 * The {@link DocStore} on either database, through the same queries: an append-only `doc_updates` log and one
 * `doc_snapshots` row per document. On PostgreSQL, compaction holds a transaction-scoped advisory lock on the
 * document, so two instances never compact one document at once (the second simply skips: the first is doing it).
 */
export function sqlDocStore(db: Kysely<Tables>, kind: StoreKind): DocStore {
  return {
    async load(docName) {
      return db.transaction().execute(async (trx): Promise<StoredDocument> => {
        const snapshot = await trx
          .selectFrom('doc_snapshots')
          .select(['data', 'last_seq'])
          .where('doc_name', '=', docName)
          .executeTakeFirst();
        const rows = await trx
          .selectFrom('doc_updates')
          .select(['seq', 'data'])
          .where('doc_name', '=', docName)
          .where('seq', '>', snapshot?.last_seq ?? 0)
          .orderBy('seq')
          .execute();
        const updates: Uint8Array[] = [];
        let bytes = 0;
        let lastSeq = Number(snapshot?.last_seq ?? 0);
        if (snapshot) {
          updates.push(new Uint8Array(snapshot.data));
          bytes += snapshot.data.byteLength;
        }
        for (const row of rows) {
          updates.push(new Uint8Array(row.data));
          bytes += row.data.byteLength;
          lastSeq = Number(row.seq);
        }
        return { updates, lastSeq, pendingCount: rows.length, bytes };
      });
    },

    async append(entries: readonly AppendEntry[]) {
      if (entries.length === 0) return [];
      const rows = await db
        .insertInto('doc_updates')
        .values(entries.map((entry) => ({ doc_name: entry.docName, data: toBuffer(entry.update) })))
        .returning('seq')
        .execute();
      // One statement numbers its rows in the order given; neither database promises to return them in that order.
      return rows.map((row) => Number(row.seq)).sort((a, b) => a - b);
    },

    async compact(docName, snapshot, upToSeq) {
      await db.transaction().execute(async (trx) => {
        if (kind === 'postgres') {
          const { rows } = await sql<{ locked: boolean }>`
            select pg_try_advisory_xact_lock(${compactionLockSpace}, hashtext(${docName})) as locked`.execute(trx);
          if (!rows[0]?.locked) return;
        }
        const current = await trx
          .selectFrom('doc_snapshots')
          .select('last_seq')
          .where('doc_name', '=', docName)
          .executeTakeFirst();
        // A snapshot that already covers more (another instance compacted meanwhile) is never replaced by an older one.
        if (current && Number(current.last_seq) > upToSeq) return;
        await trx
          .insertInto('doc_snapshots')
          .values({
            doc_name: docName,
            data: toBuffer(snapshot),
            last_seq: upToSeq,
            updated_at: new Date().toISOString(),
          })
          .onConflict((conflict) =>
            conflict.column('doc_name').doUpdateSet((eb) => ({
              data: eb.ref('excluded.data'),
              last_seq: eb.ref('excluded.last_seq'),
              updated_at: eb.ref('excluded.updated_at'),
            })),
          )
          .execute();
        await trx.deleteFrom('doc_updates').where('doc_name', '=', docName).where('seq', '<=', upToSeq).execute();
      });
    },

    close() {
      // The connection belongs to the store that made this (see openStore); nothing of ours to release.
      return Promise.resolve();
    },
  };
}

/** The first key of PostgreSQL's two-key advisory locks taken while compacting (the second is the document's hash). */
const compactionLockSpace = 0x6367_01;

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
