/**
 * The cluster suite (issue 12): two instances of the server on one PostgreSQL database and one Redis prefix, and
 * browsers pinned to each. Run with `npm run test:e2e:cluster` (builds the client first) or
 * `npx playwright test -c tests/e2e-cluster/playwright.config.ts` after `npm run build`. It needs the machine's
 * PostgreSQL (TEST_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/postgres) and Redis (TEST_REDIS_URL,
 * default redis://127.0.0.1:6379); everything it creates there has a random name and is removed at the end.
 *
 * The single-instance suite (playwright.config.ts, `npm run test:e2e`) is untouched: web servers belong to a whole
 * config, not to a project, so the cluster's two instances live in a config of their own.
 */
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumArgs, findChromium } from '../../scripts/chromium.mjs';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');

// Playwright reads this file in the runner and again in every worker; the run's names are drawn once, in the
// runner, and the workers inherit them through the environment.
process.env.CG_E2E_CLUSTER_RUN ??= randomBytes(6).toString('hex');
const run = process.env.CG_E2E_CLUSTER_RUN;

const adminUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const database = `cg_e2e_cluster_${run}`;
const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
const redisPrefix = `cg-e2e-cluster-${run}:`;
const scratchDir = path.join(os.tmpdir(), `cg-e2e-cluster-${run}`);

/** One instance: port 0 (the machine is shared), its port read from its first log line into the environment. */
function instance(name: 'a' | 'b') {
  return {
    name: `instance-${name}`,
    command: 'node --import tsx server/main.ts',
    cwd: repoRoot,
    // "Common Ground is running at http://127.0.0.1:<port>" is logged once it has migrated, seeded and listens;
    // the named group lands in process.env.CG_E2E_CLUSTER_PORT_A / _B, which the workers inherit.
    wait: { stdout: new RegExp(`running at http://127\\.0\\.0\\.1:(?<cg_e2e_cluster_port_${name}>\\d+)`) },
    reuseExistingServer: false,
    timeout: 60_000,
    // SIGTERM drains (sockets closed with 1012, rooms flushed) before the resources keeper drops the database.
    gracefulShutdown: { signal: 'SIGTERM' as const, timeout: 10_000 },
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(scratchDir, name),
      CLIENT_DIR: path.resolve(repoRoot, process.env.CLIENT_OUT_DIR ?? 'dist/client'),
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      REDIS_PREFIX: redisPrefix,
      ROOM_GRACE_MS: '1000',
      // The same administrator and demo on both (tests/e2e/support/people.ts signs in as them).
      ADMIN_EMAIL: 'admin@example.org',
      ADMIN_PASSWORD: 'correct horse battery staple',
      SEED_DEMO: 'true',
    },
    stdout: 'ignore' as const,
    stderr: 'pipe' as const,
  };
}

// eslint-disable-next-line no-restricted-syntax -- Playwright reads the config's default export.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: path.join(repoRoot, 'test-results', 'e2e-cluster'),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium() ?? undefined,
      args: chromiumArgs,
    },
  },
  // Started in this order, each once the one before has said it is up, and stopped in the reverse order. So the
  // second instance starts on a database the first has already migrated and seeded (both have SEED_DEMO=true; the
  // seeding is also under an advisory lock, but this way it is not left to that), and the database and Redis keys
  // are removed only after both instances have stopped.
  webServer: [
    {
      name: 'cluster-resources',
      command: 'node --import tsx tests/e2e-cluster/support/clusterResources.ts',
      cwd: repoRoot,
      wait: { stdout: /cluster resources ready/ },
      reuseExistingServer: false,
      timeout: 30_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
      env: {
        CG_E2E_CLUSTER_ADMIN_URL: adminUrl,
        CG_E2E_CLUSTER_DATABASE: database,
        CG_E2E_CLUSTER_DIR: scratchDir,
        REDIS_URL: redisUrl,
        REDIS_PREFIX: redisPrefix,
      },
      stdout: 'pipe',
      stderr: 'pipe',
    },
    instance('a'),
    instance('b'),
  ],
});
