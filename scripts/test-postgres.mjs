// The PostgreSQL pass of `npm test`: the server's contract and integration suites again, with every store on
// PostgreSQL (STORE=postgres). Without a reachable server it is skipped with the command that would run it, except
// in CI (CI=true), where a missing PostgreSQL fails the run: a pass that silently did not run proves nothing.
import { spawnSync } from 'node:child_process';
import pg from 'pg';

const url = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const shown = url.replace(/:[^:@/]*@/, ':***@');
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function reachable() {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const problem = await reachable();
if (problem) {
  if (inCi) {
    console.error(`test:postgres: PostgreSQL at ${shown} is not reachable (${problem}); CI must run this pass.`);
    process.exit(1);
  }
  console.log(
    `test:postgres: SKIPPED the PostgreSQL pass (tests/server on PostgreSQL): ${shown} is not reachable (${problem}).\n` +
      `  Start PostgreSQL (or set TEST_POSTGRES_URL) and run: npm run test:postgres`,
  );
  process.exit(0);
}

console.log(`test:postgres: running tests/server with every store on PostgreSQL at ${shown}`);
const result = spawnSync('npx', ['vitest', 'run', 'tests/server'], {
  stdio: 'inherit',
  env: { ...process.env, STORE: 'postgres', TEST_POSTGRES_URL: url },
});
process.exit(result.status ?? 1);
