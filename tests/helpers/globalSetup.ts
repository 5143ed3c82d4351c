import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL database this run's tests store in (`STORE=postgres`), else ''. */
    postgresRunUrl: string;
  }
}

/** The server every PostgreSQL pass talks to; override with `TEST_POSTGRES_URL`. */
export const postgresAdminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * With `STORE=postgres`, creates one database for this run (a random name, so runs on a shared server never meet)
 * and drops it at the end. Each test then stores in a schema of its own inside it (see testStore.ts).
 */
// Vitest's globalSetup contract is a default export.
// eslint-disable-next-line no-restricted-syntax
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  if (process.env.STORE !== 'postgres') {
    project.provide('postgresRunUrl', '');
    return undefined;
  }
  const name = `cg_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: postgresAdminUrl });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `STORE=postgres, but PostgreSQL at ${postgresAdminUrl.replace(/:[^:@/]*@/, ':***@')} is not reachable ` +
        `(${error instanceof Error ? error.message : String(error)}). Start it, or run without STORE=postgres.`,
      { cause: error },
    );
  }
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  await admin.end();
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  project.provide('postgresRunUrl', url.toString());
  return async () => {
    const client = new pg.Client({ connectionString: postgresAdminUrl });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  };
}
