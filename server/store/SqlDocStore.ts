import { sql, type Kysely } from 'kysely';
import type { StoreKind } from './columnTypes.ts';
import type { AppendEntry, DocStore, LogIndex, StoredDocument } from './DocStore.ts';
import type { Tables } from './schema.ts';

/**
 * The {@link DocStore} on either database, through the same queries: an append-only `doc_updates` log and one
 * `doc_snapshots` row per document. On PostgreSQL, compaction holds a transaction-scoped advisory lock on the
 * document, so two instances never compact one document at once (the second simply skips: the first is doing it).
 *
 * Loading reads every row kept beside the snapshot, whatever its number: with several instances appending, a row
 * numbered below the snapshot's mark can commit after a compaction that could not see it; a guarded compaction
 * leaves such a row in place, and reading it again is harmless because applying a Yjs update twice changes nothing.
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
          .orderBy('seq')
          .execute();
        const updates: Uint8Array[] = [];
        const seqs: number[] = [];
        let bytes = 0;
        const snapshotSeq = Number(snapshot?.last_seq ?? 0);
        let lastSeq = snapshotSeq;
        if (snapshot) {
          updates.push(new Uint8Array(snapshot.data));
          bytes += snapshot.data.byteLength;
        }
        for (const row of rows) {
          updates.push(new Uint8Array(row.data));
          bytes += row.data.byteLength;
          seqs.push(Number(row.seq));
          lastSeq = Math.max(lastSeq, Number(row.seq));
        }
        return { updates, lastSeq, snapshotSeq, seqs, pendingCount: rows.length, bytes };
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

    async compact(docName, snapshot, upToSeq, guard) {
      return db.transaction().execute(async (trx) => {
        if (kind === 'postgres') {
          const { rows } = await sql<{ locked: boolean }>`
            select pg_try_advisory_xact_lock(${compactionLockSpace}, hashtext(${docName})) as locked`.execute(trx);
          if (!rows[0]?.locked) return false;
        }
        const current = await trx
          .selectFrom('doc_snapshots')
          .select('last_seq')
          .where('doc_name', '=', docName)
          .executeTakeFirst();
        // A snapshot that already covers more (another instance compacted meanwhile) is never replaced by an older one.
        if (current && Number(current.last_seq) > upToSeq) return false;
        // Nor, for a guarded compaction, by one built without it: it may hold rows this instance never applied.
        if (guard && Number(current?.last_seq ?? 0) !== guard.basedOnSnapshotSeq) return false;
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
        if (!guard) {
          await trx.deleteFrom('doc_updates').where('doc_name', '=', docName).where('seq', '<=', upToSeq).execute();
          return true;
        }
        for (let start = 0; start < guard.coveredSeqs.length; start += deleteChunk) {
          await trx
            .deleteFrom('doc_updates')
            .where('doc_name', '=', docName)
            .where('seq', 'in', guard.coveredSeqs.slice(start, start + deleteChunk))
            .execute();
        }
        return true;
      });
    },

    async logIndex(docNames) {
      const index = new Map<string, LogIndex>();
      if (docNames.length === 0) return index;
      const names = [...docNames];
      const [snapshots, rows] = await Promise.all([
        db.selectFrom('doc_snapshots').select(['doc_name', 'last_seq']).where('doc_name', 'in', names).execute(),
        db
          .selectFrom('doc_updates')
          .select(['doc_name', 'seq'])
          .where('doc_name', 'in', names)
          .orderBy('seq')
          .execute(),
      ]);
      const entry = (name: string): LogIndex => {
        let found = index.get(name);
        if (!found) index.set(name, (found = { snapshotSeq: 0, seqs: [] }));
        return found;
      };
      for (const snapshot of snapshots) entry(snapshot.doc_name).snapshotSeq = Number(snapshot.last_seq);
      for (const row of rows) entry(row.doc_name).seqs.push(Number(row.seq));
      return index;
    },

    async readUpdates(docName, seqs) {
      if (seqs.length === 0) return [];
      const rows = await db
        .selectFrom('doc_updates')
        .select(['seq', 'data'])
        .where('doc_name', '=', docName)
        .where('seq', 'in', [...seqs])
        .orderBy('seq')
        .execute();
      return rows.map((row) => ({ seq: Number(row.seq), update: new Uint8Array(row.data) }));
    },

    async readSnapshot(docName) {
      const row = await db
        .selectFrom('doc_snapshots')
        .select(['data', 'last_seq'])
        .where('doc_name', '=', docName)
        .executeTakeFirst();
      return row ? { seq: Number(row.last_seq), update: new Uint8Array(row.data) } : null;
    },

    close() {
      // The connection belongs to the store that made this (see openStore); nothing of ours to release.
      return Promise.resolve();
    },
  };
}

/** Rows deleted per statement by a guarded compaction, well under both databases' bound-parameter limits. */
const deleteChunk = 500;

/** The first key of PostgreSQL's two-key advisory locks taken while compacting (the second is the document's hash). */
const compactionLockSpace = 0x6367_01;

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
