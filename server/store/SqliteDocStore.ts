import type { Database, Statement } from 'better-sqlite3';
import type { AppendEntry, DocStore, StoredDocument } from './DocStore.ts';

interface UpdateRow {
  seq: number;
  data: Buffer;
}

interface SnapshotRow {
  data: Buffer;
  last_seq: number;
}

/** Creates the document tables if they are missing. Idempotent. */
export function migrateDocTables(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS doc_updates (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      doc_name TEXT NOT NULL,
      data BLOB NOT NULL
    );
    CREATE INDEX IF NOT EXISTS doc_updates_by_doc ON doc_updates (doc_name, seq);
    CREATE TABLE IF NOT EXISTS doc_snapshots (
      doc_name TEXT PRIMARY KEY,
      data BLOB NOT NULL,
      last_seq INTEGER NOT NULL,
      updated_at TEXT NOT NULL
    );
  `);
}

/** The embedded {@link DocStore}: one SQLite file in WAL mode, shared with the rest of the server's tables. */
export class SqliteDocStore implements DocStore {
  readonly #db: Database;
  readonly #insertUpdate: Statement<[string, Buffer]>;
  readonly #selectUpdates: Statement<[string], UpdateRow>;
  readonly #selectSnapshot: Statement<[string], SnapshotRow>;
  readonly #upsertSnapshot: Statement<[string, Buffer, number]>;
  readonly #deleteUpdates: Statement<[string, number]>;

  constructor(db: Database) {
    this.#db = db;
    migrateDocTables(db);
    this.#insertUpdate = db.prepare('INSERT INTO doc_updates (doc_name, data) VALUES (?, ?)');
    this.#selectUpdates = db.prepare('SELECT seq, data FROM doc_updates WHERE doc_name = ? ORDER BY seq');
    this.#selectSnapshot = db.prepare('SELECT data, last_seq FROM doc_snapshots WHERE doc_name = ?');
    this.#upsertSnapshot = db.prepare(`
      INSERT INTO doc_snapshots (doc_name, data, last_seq, updated_at) VALUES (?, ?, ?, datetime('now'))
      ON CONFLICT (doc_name) DO UPDATE SET data = excluded.data, last_seq = excluded.last_seq,
        updated_at = excluded.updated_at`);
    this.#deleteUpdates = db.prepare('DELETE FROM doc_updates WHERE doc_name = ? AND seq <= ?');
  }

  load(docName: string): Promise<StoredDocument> {
    const read = this.#db.transaction((): StoredDocument => {
      const snapshot = this.#selectSnapshot.get(docName);
      const rows = this.#selectUpdates.all(docName);
      const updates: Uint8Array[] = [];
      let bytes = 0;
      let lastSeq = snapshot?.last_seq ?? 0;
      if (snapshot) {
        updates.push(new Uint8Array(snapshot.data));
        bytes += snapshot.data.byteLength;
      }
      for (const row of rows) {
        updates.push(new Uint8Array(row.data));
        bytes += row.data.byteLength;
        lastSeq = row.seq;
      }
      return { updates, lastSeq, pendingCount: rows.length, bytes };
    });
    return Promise.resolve(read());
  }

  append(entries: readonly AppendEntry[]): Promise<number[]> {
    const write = this.#db.transaction((): number[] =>
      entries.map((entry) => Number(this.#insertUpdate.run(entry.docName, toBuffer(entry.update)).lastInsertRowid)),
    );
    return Promise.resolve(write());
  }

  compact(docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void> {
    const replace = this.#db.transaction(() => {
      this.#upsertSnapshot.run(docName, toBuffer(snapshot), upToSeq);
      this.#deleteUpdates.run(docName, upToSeq);
    });
    replace();
    return Promise.resolve();
  }

  close(): Promise<void> {
    // The database handle is owned by whoever opened it (see openDatabase); nothing of ours to release.
    return Promise.resolve();
  }
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
