import { createHash } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { inject, onTestFinished } from 'vitest';
import type { StoreKind } from '../../server/store/columnTypes.ts';
import { openStore, type StoreLocation } from '../../server/store/openStore.ts';
import type { Store } from '../../server/store/Store.ts';

/** Which database this pass of the suite stores in: `STORE=postgres` for PostgreSQL, SQLite otherwise. */
export const testStoreKind: StoreKind = process.env.STORE === 'postgres' ? 'postgres' : 'sqlite';

export const testSessionPolicy = { idleMs: 60 * 60_000, absoluteMs: 24 * 60 * 60_000 };

/**
 * The PostgreSQL URL of the schema that belongs to a data directory: a test that restarts a server on the same
 * data directory finds the same tables, as it would find the same SQLite file.
 */
export async function postgresUrlFor(dataDir: string): Promise<string> {
  const runUrl = inject('postgresRunUrl');
  if (!runUrl) throw new Error('STORE=postgres needs the global setup (tests/helpers/globalSetup.ts) to run first');
  const schema = `t_${createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)}`;
  const client = new pg.Client({ connectionString: runUrl });
  await client.connect();
  try {
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  } finally {
    await client.end();
  }
  const url = new URL(runUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** Where a test's store lives: SQLite under its data directory, or its own PostgreSQL schema. */
export async function testStoreLocation(dataDir: string): Promise<StoreLocation> {
  return testStoreKind === 'postgres'
    ? { kind: 'postgres', url: await postgresUrlFor(dataDir) }
    : { kind: 'sqlite', dataDir };
}

/** The environment a server process needs to store where the test's store lives. */
export async function testStoreEnv(dataDir: string): Promise<Record<string, string>> {
  return testStoreKind === 'postgres' ? { DATABASE_URL: await postgresUrlFor(dataDir) } : {};
}

/** A fresh, migrated store for this test (SQLite in memory unless a data directory is given), closed afterwards. */
export async function openTestStore(options: { dataDir?: string } = {}): Promise<Store> {
  const dataDir =
    options.dataDir ?? (testStoreKind === 'postgres' ? `/memory/${process.pid}/${Math.random()}` : ':memory:');
  const store = await openStore({
    location: await testStoreLocation(dataDir),
    session: testSessionPolicy,
    poolSize: 4,
  });
  onTestFinished(() => store.close());
  return store;
}
