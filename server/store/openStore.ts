import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type LogEvent } from 'kysely';
import pg from 'pg';
import type { StoreKind } from './columnTypes.ts';
import { migrate } from './migrations.ts';
import type { Tables } from './schema.ts';
import { sqlDocStore } from './SqlDocStore.ts';
import { createRepositories, type RepositoryOptions, type Store } from './Store.ts';

/** Where the store lives: a SQLite file under a data directory (the default), or a PostgreSQL database. */
export type StoreLocation = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; url: string };

/** Timings the store reports (Prometheus histograms in the server; nothing in tools and tests). */
export interface StoreObserver {
  query(seconds: number): void;
  transaction(seconds: number): void;
}

export interface OpenStoreOptions extends RepositoryOptions {
  location: StoreLocation;
  observer?: StoreObserver;
  /** PostgreSQL connections in the pool. */
  poolSize?: number;
}

/** The store could not be opened; the message is one line fit for an operator, with any password masked. */
export class StoreUnavailableError extends Error {}

/** Opens the store, checks it answers, and brings its schema up to date. */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const { location, observer } = options;
  const db = new Kysely<Tables>({
    dialect:
      location.kind === 'postgres'
        ? postgresDialect(location.url, options.poolSize ?? 10)
        : sqliteDialect(location.dataDir),
    log: observer ? (event: LogEvent) => observer.query(event.queryDurationMillis / 1000) : undefined,
  });
  const kind: StoreKind = location.kind;
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new StoreUnavailableError(describeFailure(location, error));
  }
  try {
    await migrate(db, kind);
  } catch (error) {
    await db.destroy().catch(() => {});
    throw error;
  }
  const repositories = createRepositories({ db, kind }, options);
  const timedTransaction: Store['transaction'] = observer
    ? async (work) => {
        const started = performance.now();
        try {
          return await repositories.transaction(work);
        } finally {
          observer.transaction((performance.now() - started) / 1000);
        }
      }
    : (work) => repositories.transaction(work);
  return {
    ...repositories,
    transaction: timedTransaction,
    kind,
    db,
    docs: sqlDocStore(db, kind),
    withAdvisoryLock: (key, work) =>
      kind === 'postgres'
        ? db.connection().execute(async (connection) => {
            await sql`select pg_advisory_lock(${key})`.execute(connection);
            try {
              return await work();
            } finally {
              await sql`select pg_advisory_unlock(${key})`.execute(connection);
            }
          })
        : work(),
    async ping() {
      await sql`select 1`.execute(db);
    },
    close: () => db.destroy(),
  };
}

/** Where a server stores: the PostgreSQL database its `DATABASE_URL` names, else SQLite under its data directory. */
export function storeLocation(config: { databaseUrl: string | null; dataDir: string }): StoreLocation {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'sqlite', dataDir: config.dataDir };
}

/** The SQLite file under a data directory (':memory:' for tests that need no file). */
export function sqliteFile(dataDir: string): string {
  return dataDir === ':memory:' ? ':memory:' : path.join(dataDir, 'common-ground.sqlite');
}

function sqliteDialect(dataDir: string): SqliteDialect {
  return new SqliteDialect({
    database: async () => {
      if (dataDir !== ':memory:') fs.mkdirSync(dataDir, { recursive: true });
      const database = new BetterSqlite3(sqliteFile(dataDir));
      if (dataDir !== ':memory:') {
        // WAL so readers never block the writer; synchronous=NORMAL, which in WAL mode keeps every committed
        // transaction across a process crash (only an operating-system crash or power loss can drop the last ones).
        database.pragma('journal_mode = WAL');
        database.pragma('synchronous = NORMAL');
      }
      database.pragma('foreign_keys = ON');
      database.pragma('busy_timeout = 5000');
      return Promise.resolve(database);
    },
  });
}

const int8Oid = 20;
const defaultParser = pg.types.getTypeParser.bind(pg.types) as (oid: number, format?: 'text' | 'binary') => unknown;
const int8AsNumber = {
  getTypeParser: (oid: number, format?: 'text' | 'binary'): unknown =>
    oid === int8Oid ? Number : defaultParser(oid, format),
};

function postgresDialect(url: string, max: number): PostgresDialect {
  return new PostgresDialect({
    pool: async () => {
      const pool = new pg.Pool({
        connectionString: url,
        max,
        connectionTimeoutMillis: 5000,
        // int8 (bigint, count(*), bigserial) as numbers: ours stay far below 2^53, and SQLite returns numbers.
        types: int8AsNumber,
      });
      // An idle client losing its server must not crash the process; the next query reports it.
      pool.on('error', () => {});
      return Promise.resolve(pool);
    },
  });
}

/** A one-line reason the database could not be reached, naming host and database, never the password. */
export function describeFailure(location: StoreLocation, error: unknown): string {
  const reason = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (location.kind === 'sqlite') return `could not open the SQLite store in ${location.dataDir}: ${reason}`;
  let where = maskPassword(location.url);
  try {
    const url = new URL(location.url);
    where = `PostgreSQL at ${url.hostname}:${url.port || '5432'}, database "${decodeURIComponent(url.pathname.slice(1)) || '(default)'}"`;
  } catch {
    // Not a URL: name it masked.
  }
  const code = typeof error === 'object' && error && 'code' in error ? String(error.code) : '';
  return `could not connect to ${where}: ${maskPassword(reason)}${code && !reason.includes(code) ? ` (${code})` : ''}`;
}

/** The URL (or any text holding one) with its password replaced by ***. */
export function maskPassword(text: string): string {
  return text.replace(/(\w+:\/\/[^:/@\s]*:)[^@\s]*@/g, '$1***@');
}
