import { createHash, type Hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import * as Y from 'yjs';
import type { DocStore } from './DocStore.ts';
import { primaryKeys, type CopiedTable } from './schema.ts';

// What db:copy reads and compares: every table a page at a time in key order, digests of rows and documents.

/**
 * The copy could not be made, or did not come out identical. The message is one line for an operator and says
 * whether the target was changed.
 */
export class CopyError extends Error {}

export type Row = Record<string, unknown>;
/** The tables by name, untyped: the copy treats every table alike. */
export type AnyTables = Record<string, Row>;

export async function digestTable(
  db: Kysely<AnyTables>,
  table: CopiedTable,
): Promise<{ rows: number; digest: string }> {
  const digest = new RowDigest();
  for await (const page of pages(db, table, 1000)) for (const row of page) digest.add(row);
  return digest.result();
}

/**
 * A table's rows in key order, a page at a time, each page starting after the last key of the one before (so a long
 * table costs no more per page than a short one, on either database).
 */
export async function* pages(db: Kysely<AnyTables>, table: CopiedTable, size: number): AsyncGenerator<Row[]> {
  const keys = primaryKeys[table];
  let after: unknown[] | null = null;
  for (;;) {
    let query = keys.reduce((q, column) => q.orderBy(column), db.selectFrom(table).selectAll());
    if (after) {
      const from = after;
      query = query.where(
        sql<boolean>`(${sql.join(keys.map((key) => sql.ref(key)))}) > (${sql.join(from.map((value) => sql`${value}`))})`,
      );
    }
    const rows = await query.limit(size).execute();
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < size) return;
    const last = rows[rows.length - 1]!;
    after = keys.map((key) => last[key]);
  }
}

/**
 * A digest of rows in the order read: every column by name, every value with its type, so that a number that
 * arrived as text, a byte changed in a blob or a lost null all show.
 */
export class RowDigest {
  private readonly hash: Hash = createHash('sha256');
  private rows = 0;

  add(row: Row): void {
    const columns = Object.keys(row).sort();
    this.hash.update(JSON.stringify(columns.map((column) => [column, typed(row[column])])));
    this.hash.update('\n');
    this.rows += 1;
  }

  result(): { rows: number; digest: string } {
    return { rows: this.rows, digest: this.hash.digest('hex') };
  }
}

function typed(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'bigint') return `n:${Object.is(value, -0) ? '-0' : String(value)}`;
  if (typeof value === 'string') return `s:${value}`;
  if (value instanceof Uint8Array)
    return `b:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}`;
  return `o:${JSON.stringify(value)}`;
}

export async function documentNames(db: Kysely<AnyTables>): Promise<string[]> {
  const { rows } = await sql<{ doc_name: string }>`
    select doc_name from doc_snapshots union select doc_name from doc_updates`.execute(db);
  return rows.map((row) => row.doc_name).sort();
}

/** Loads every document from both stores: the stored bytes and the state they build must be identical. */
export async function verifyDocuments(
  source: DocStore,
  target: DocStore,
  names: { source: string[]; target: string[] },
): Promise<number> {
  if (names.source.join('\n') !== names.target.join('\n')) {
    throw new CopyError(
      `the target holds ${plural(names.target.length, 'document')} and the SQLite file ${names.source.length}; ` +
        `drop and re-create the target database, and copy again`,
    );
  }
  for (const name of names.source) {
    const [from, to] = [await source.load(name), await target.load(name)];
    const same =
      from.lastSeq === to.lastSeq &&
      from.pendingCount === to.pendingCount &&
      from.bytes === to.bytes &&
      storedDigest(from.updates) === storedDigest(to.updates) &&
      stateDigest(from.updates) === stateDigest(to.updates);
    if (!same) {
      throw new CopyError(
        `document ${name} differs between the SQLite file and the target; drop and re-create the target ` +
          `database, and copy again`,
      );
    }
  }
  return names.source.length;
}

function storedDigest(updates: readonly Uint8Array[]): string {
  const hash = createHash('sha256');
  for (const update of updates) {
    hash.update(`${update.byteLength}:`);
    hash.update(update);
  }
  return hash.digest('hex');
}

function stateDigest(updates: readonly Uint8Array[]): string {
  const doc = new Y.Doc();
  try {
    for (const update of updates) Y.applyUpdate(doc, update);
    return createHash('sha256').update(Y.encodeStateAsUpdate(doc)).digest('hex');
  } finally {
    doc.destroy();
  }
}

/** `3 rows`, `1 row`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
