// The cluster pass of `npm test` (issue 12): several real instances as separate processes on the machine's
// PostgreSQL and Redis (tests/cluster). Without both reachable it is skipped with the command that would run it,
// except in CI (CI=true), where a missing service fails the run: a pass that silently did not run proves nothing.
// Each test file uses a database and a Redis key prefix of its own and removes exactly those afterwards.
import { spawnSync } from 'node:child_process';
import { Redis } from 'ioredis';
import pg from 'pg';

const postgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const hide = (url) => url.replace(/:[^:@/]*@/, ':***@');
const inCi = process.env.CI === 'true' || process.env.CI === '1';

async function postgresProblem() {
  const client = new pg.Client({ connectionString: postgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `PostgreSQL at ${hide(postgresUrl)} is not reachable (${error instanceof Error ? error.message : String(error)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisProblem() {
  const redis = new Redis(redisUrl, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  // The connection error says why (ECONNREFUSED …); the rejected connect() only says "Connection is closed".
  let cause = null;
  redis.on('error', (error) => (cause ??= error));
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (error) {
    const reason = cause ?? error;
    return `Redis at ${hide(redisUrl)} is not reachable (${reason instanceof Error ? reason.message : String(reason)})`;
  } finally {
    redis.disconnect();
  }
}

const problems = [await postgresProblem(), await redisProblem()].filter(Boolean);
if (problems.length > 0) {
  if (inCi) {
    console.error(`test:cluster: ${problems.join('; ')}; CI must run this pass.`);
    process.exit(1);
  }
  console.log(
    `test:cluster: SKIPPED the cluster pass (tests/cluster, several instances on PostgreSQL + Redis): ${problems.join('; ')}.\n` +
      `  Start PostgreSQL and Redis (or set TEST_POSTGRES_URL / TEST_REDIS_URL) and run: npm run test:cluster`,
  );
  process.exit(0);
}

console.log(`test:cluster: running tests/cluster on PostgreSQL at ${hide(postgresUrl)} and Redis at ${hide(redisUrl)}`);
const env = { ...process.env, TEST_POSTGRES_URL: postgresUrl, TEST_REDIS_URL: redisUrl };
const files = process.argv.slice(2);
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.cluster.config.ts', ...files], {
  stdio: 'inherit',
  env,
});
if (result.status !== 0 || files.length > 0) process.exit(result.status ?? 1);
// Then two people in two browsers, each on their own instance (tests/e2e-cluster).
console.log('test:cluster: running the two-instance browser test (npm run test:e2e:cluster)');
const browsers = spawnSync('npm', ['run', 'test:e2e:cluster'], { stdio: 'inherit', env });
process.exit(browsers.status ?? 1);
