import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import { schemaVersion, storedSchemaVersion } from './migrations.ts';
import { describeFailure, maskPassword, openStore, sqliteFile } from './openStore.ts';
import { tablesInCopyOrder, type CopiedTable, type Tables } from './schema.ts';
import {
  CopyError,
  digestTable,
  documentNames,
  pages,
  plural,
  RowDigest,
  verifyDocuments,
  type AnyTables,
  type Row,
} from './copyChecks.ts';
import { sqlDocStore } from './SqlDocStore.ts';
import type { Store } from './Store.ts';

/** One table the copy fills. */
export type { CopiedTable } from './schema.ts';
export { CopyError };

export interface CopyOptions {
  /** The SQLite file (`common-ground.sqlite`), or the data directory holding it. */
  from: string;
  /** The PostgreSQL database to fill: postgres://… It must hold none of our rows. */
  to: string;
  /** Where progress lines go: one per table, then the verification. */
  log?: (line: string) => void;
  /** Rows per INSERT statement. */
  batchSize?: number;
}

export interface CopySummary {
  tables: { name: CopiedTable; rows: number }[];
  /** Rows copied, over every table. */
  rows: number;
  /** Documents (distinct names in doc_snapshots and doc_updates) loaded from both stores and found identical. */
  documents: number;
}

/** Columns PostgreSQL numbers from a sequence (bigserial): after the copy, each sequence continues past the copied ids. */
const serialColumns: readonly { table: CopiedTable; column: string }[] = [
  { table: 'audit_log', column: 'id' },
  { table: 'doc_updates', column: 'seq' },
];

/**
 * Copies a whole SQLite store into an empty PostgreSQL database, in one transaction, and proves the result identical:
 * every table's rows (count and content, value by value), and every document loaded through the document store on
 * both sides. Sessions and API token hashes are copied, so nobody has to sign in again.
 *
 * Refuses, changing nothing, when the SQLite file is missing or its schema is not this version's, and when the
 * target already holds any of our rows. An empty target is migrated first (that creates tables, nothing else).
 */
export async function copySqliteToPostgres(options: CopyOptions): Promise<CopySummary> {
  const log = options.log ?? (() => {});
  const batchSize = options.batchSize ?? 500;
  const file = resolveSqliteFile(options.from);
  const source = await openSource(file);
  let target: Store | null = null;
  try {
    await refuseNonEmptyTarget(options.to);
    try {
      target = await openStore({
        location: { kind: 'postgres', url: options.to },
        session: { idleMs: 1, absoluteMs: 1 },
        poolSize: 2,
      });
    } catch (error) {
      throw new CopyError(`could not prepare the target: ${oneLine(error, options.to)}`);
    }
    const targetDb = target.db as unknown as Kysely<AnyTables>;
    const tables: CopySummary['tables'] = [];
    try {
      await targetDb.transaction().execute(async (trx) => {
        // Nobody else writes these tables while we fill them (an app started on the target too early, say).
        await sql`lock table ${sql.join(tablesInCopyOrder.map((table) => sql.table(table)))} in exclusive mode`.execute(
          trx,
        );
        const occupied = await firstNonEmptyTable(trx);
        if (occupied) throw new CopyError(nonEmptyMessage(occupied.table, occupied.rows));
        for (const table of tablesInCopyOrder) {
          const copied = await copyTable(source, trx, table, batchSize);
          const landed = await digestTable(trx, table);
          if (landed.rows !== copied.rows || landed.digest !== copied.digest) {
            throw new CopyError(
              `table ${table} did not arrive identical (${copied.rows} rows read, ${landed.rows} in the target` +
                `${landed.rows === copied.rows ? ', different values' : ''}); nothing was copied`,
            );
          }
          tables.push({ name: table, rows: copied.rows });
          log(`${table}: ${plural(copied.rows, 'row')}`);
        }
        for (const { table, column } of serialColumns) {
          await sql`select setval(pg_get_serial_sequence(${table}, ${column}), coalesce(max(${sql.ref(column)}), 0) + 1, false)
            from ${sql.table(table)}`.execute(trx);
        }
      });
    } catch (error) {
      if (error instanceof CopyError) throw error;
      throw new CopyError(
        `the copy failed and was rolled back, the target holds no rows: ${oneLine(error, options.to)}`,
      );
    }

    // Committed. Read both sides again as the server does: the counts, then every document through the document store.
    for (const { name, rows } of tables) {
      const [inSource, inTarget] = [await countRows(source, name), await countRows(targetDb, name)];
      if (inSource !== rows || inTarget !== rows) {
        throw new CopyError(
          `after the copy, table ${name} has ${inSource} rows in the SQLite file and ${inTarget} in the target ` +
            `(${rows} were copied): was the app still running on the SQLite file? Stop it, drop and re-create the ` +
            `target database, and copy again`,
        );
      }
    }
    const documents = await verifyDocuments(sqlDocStore(source as unknown as Kysely<Tables>, 'sqlite'), target.docs, {
      source: await documentNames(source),
      target: await documentNames(targetDb),
    });
    const rows = tables.reduce((sum, table) => sum + table.rows, 0);
    log(
      `verified: ${plural(tables.length, 'table')}, ${plural(rows, 'row')}, ${plural(documents, 'document')} identical`,
    );
    return { tables, rows, documents };
  } finally {
    await target?.close().catch(() => {});
    await source.destroy().catch(() => {});
  }
}

/** The SQLite file to read: the path given, or `common-ground.sqlite` inside the directory given. Never creates one. */
function resolveSqliteFile(from: string): string {
  const given = path.resolve(from);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(given);
  } catch {
    throw new CopyError(
      `there is no SQLite file at ${given}: give the path of common-ground.sqlite in the app's data directory ` +
        `(DATA_DIR); nothing was copied`,
    );
  }
  if (!stat.isDirectory()) return given;
  const inside = sqliteFile(given);
  if (!fs.existsSync(inside)) {
    throw new CopyError(`${given} is a directory without common-ground.sqlite in it; nothing was copied`);
  }
  return inside;
}

/** Opens the SQLite file read-only and checks it holds a store of exactly this version's schema. */
async function openSource(file: string): Promise<Kysely<AnyTables>> {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CopyError(`could not open the SQLite file ${file}: ${oneLine(error)}`);
  }
  const db = new Kysely<AnyTables>({ dialect: new SqliteDialect({ database }) });
  try {
    const version = await sourceVersion(db, file);
    if (version < schemaVersion) {
      throw new CopyError(
        `the SQLite file's schema is version ${version}, older than this version of Common Ground (${schemaVersion}): ` +
          `start the app once on it (without DATABASE_URL) so it brings the file up to date, stop it, then copy`,
      );
    }
    if (version > schemaVersion) {
      throw new CopyError(
        `the SQLite file's schema is version ${version}, newer than this version of Common Ground understands ` +
          `(${schemaVersion}): copy it with the version of Common Ground that wrote it`,
      );
    }
    return db;
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
}

async function sourceVersion(db: Kysely<AnyTables>, file: string): Promise<number> {
  let tables: string[];
  try {
    tables = (await db.introspection.getTables()).map((table) => table.name);
  } catch (error) {
    throw new CopyError(`${file} is not a SQLite database: ${oneLine(error)}`);
  }
  if (!tables.includes('users')) throw new CopyError(`${file} holds no Common Ground store (it has no users table)`);
  return storedSchemaVersion(db as unknown as Kysely<Tables>, 'sqlite');
}

/**
 * Before anything is created in the target: refuse it if any of our tables there already has a row. Unrelated
 * tables, and our tables empty (a target migrated by an earlier attempt), are fine.
 */
async function refuseNonEmptyTarget(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    throw new CopyError(describeFailure({ kind: 'postgres', url }, error));
  }
  try {
    const { rows } = await client.query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = current_schema() and table_name = any($1)`,
      [[...tablesInCopyOrder]],
    );
    const present = new Set(rows.map((row) => row.table_name));
    for (const table of tablesInCopyOrder) {
      if (!present.has(table)) continue;
      const counted = await client.query<{ rows: number }>(`select count(*)::int as rows from "${table}"`);
      const found = counted.rows[0]?.rows ?? 0;
      if (found > 0) throw new CopyError(nonEmptyMessage(table, found));
    }
  } catch (error) {
    if (error instanceof CopyError) throw error;
    throw new CopyError(`could not inspect the target: ${oneLine(error, url)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

function nonEmptyMessage(table: string, rows: number): string {
  return (
    `the target database already holds data (table ${table} has ${plural(rows, 'row')}); ` +
    `copy only into an empty database — nothing was changed there`
  );
}

async function firstNonEmptyTable(db: Kysely<AnyTables>): Promise<{ table: CopiedTable; rows: number } | null> {
  for (const table of tablesInCopyOrder) {
    const rows = await countRows(db, table);
    if (rows > 0) return { table, rows };
  }
  return null;
}

async function countRows(db: Kysely<AnyTables>, table: CopiedTable): Promise<number> {
  const { rows } = await sql<{ rows: number | string }>`select count(*) as rows from ${sql.table(table)}`.execute(db);
  return Number(rows[0]?.rows ?? 0);
}

/** Reads a table in key order, inserts it in batches, and returns its count and the digest of what it read. */
async function copyTable(
  source: Kysely<AnyTables>,
  target: Kysely<AnyTables>,
  table: CopiedTable,
  batchSize: number,
): Promise<{ rows: number; digest: string }> {
  const digest = new RowDigest();
  let batch: Row[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    await target.insertInto(table).values(batch).execute();
    batch = [];
  };
  if (table === 'rounds') {
    // A follow-up round refers to the round it follows: insert parents first. Rounds are few; sort them in memory.
    const rows: Row[] = [];
    for await (const page of pages(source, table, batchSize)) rows.push(...page);
    for (const row of rows) digest.add(row);
    for (const row of parentsFirst(rows)) {
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
  } else {
    for await (const page of pages(source, table, batchSize)) {
      for (const row of page) digest.add(row);
      batch = page;
      await flush();
    }
  }
  await flush();
  return digest.result();
}

/** Rounds ordered so each comes after the round it follows up (the key order otherwise). */
function parentsFirst(rows: Row[]): Row[] {
  const byId = new Map(rows.map((row) => [row.id as string, row]));
  const placed = new Set<string>();
  const result: Row[] = [];
  const place = (row: Row, depth: number): void => {
    const id = row.id as string;
    if (placed.has(id)) return;
    const parent = typeof row.follow_up_of === 'string' ? byId.get(row.follow_up_of) : undefined;
    if (parent && depth < rows.length) place(parent, depth + 1);
    placed.add(id);
    result.push(row);
  };
  for (const row of rows) place(row, 0);
  return result;
}

/** The first line of an error's message, any password in it masked. */
function oneLine(error: unknown, url?: string): string {
  let message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (url) message = message.split(url).join(maskPassword(url));
  return maskPassword(message);
}
