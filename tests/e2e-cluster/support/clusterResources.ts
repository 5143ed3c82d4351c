/**
 * The first of the cluster suite's web servers (see ../playwright.config.ts): not a server at all, but the keeper of
 * what the two instances share. It creates a fresh PostgreSQL database and a scratch directory, says so on stdout,
 * and waits. Playwright stops web servers in the reverse order it started them, so this process is told to stop
 * (SIGTERM) only after both instances have gone; it then drops exactly that database, deletes exactly the Redis keys
 * under the run's prefix (SCAN + DEL, never FLUSHALL), removes the directory and exits.
 *
 * Environment: CG_E2E_CLUSTER_ADMIN_URL (a database to connect to for CREATE/DROP DATABASE),
 * CG_E2E_CLUSTER_DATABASE, REDIS_URL, REDIS_PREFIX, CG_E2E_CLUSTER_DIR.
 */
import fs from 'node:fs';
import { deleteRedisPrefix } from '../../helpers/testRedis.ts';
import pg from 'pg';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set (this file is started by tests/e2e-cluster/playwright.config.ts)`);
  return value;
}

const adminUrl = required('CG_E2E_CLUSTER_ADMIN_URL');
const database = required('CG_E2E_CLUSTER_DATABASE');
const redisUrl = required('REDIS_URL');
const redisPrefix = required('REDIS_PREFIX');
const scratchDir = required('CG_E2E_CLUSTER_DIR');

// Only ever names this suite made up: a typo in the config must not drop someone else's database or keys.
if (!/^cg_e2e_cluster_[a-f0-9]{12}$/.test(database)) throw new Error(`refusing database name ${database}`);
if (!/^cg-e2e-cluster-[a-f0-9]{12}:$/.test(redisPrefix)) throw new Error(`refusing Redis prefix ${redisPrefix}`);

async function withPostgres(run: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    await run(client);
  } finally {
    await client.end();
  }
}

let cleaning: Promise<void> | null = null;
function cleanUp(signal: string): Promise<void> {
  cleaning ??= (async () => {
    const problems: string[] = [];
    try {
      // FORCE: should an instance have outlived Playwright's grace period, its connections do not keep the database.
      await withPostgres((client) => client.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`));
    } catch (error) {
      problems.push(`could not drop database ${database}: ${String(error)}`);
    }
    let keys = 0;
    try {
      keys = await deleteRedisPrefix(redisPrefix, redisUrl);
    } catch (error) {
      problems.push(`could not delete Redis keys ${redisPrefix}*: ${String(error)}`);
    }
    fs.rmSync(scratchDir, { recursive: true, force: true });
    if (problems.length > 0) {
      process.stderr.write(`cluster resources: ${problems.join('; ')}\n`);
      process.exit(1);
    }
    process.stdout.write(`cluster resources removed on ${signal}: database ${database}, ${keys} Redis keys\n`);
    process.exit(0);
  })();
  return cleaning;
}
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, () => void cleanUp(signal));

fs.mkdirSync(scratchDir, { recursive: true });
await withPostgres((client) => client.query(`CREATE DATABASE "${database}"`));
process.stdout.write(`cluster resources ready: database ${database}, Redis prefix ${redisPrefix}\n`);
// Nothing else to do until Playwright says stop; the signal handlers keep the process until then.
setInterval(() => {}, 60_000);
