import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // tests/cluster needs PostgreSQL and Redis and runs in its own pass (npm run test:cluster).
    exclude: ['tests/e2e/**', 'tests/cluster/**', 'node_modules/**'],
    environment: 'node',
    // STORE=postgres: one database for the run, dropped at its end (each test then has a schema of its own).
    globalSetup: ['tests/helpers/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Integration tests start real servers; two cores do not gain from more workers.
    maxWorkers: 2,
  },
});
