import { defineConfig } from 'vitest/config';

// The cluster pass (`npm run test:cluster`): real instances as separate processes on the machine's PostgreSQL and
// Redis (see tests/cluster/harness.ts). One file at a time: each starts several servers on a 2-core machine.
// Vitest reads its config from a default export.
// eslint-disable-next-line no-restricted-syntax
export default defineConfig({
  test: {
    include: ['tests/cluster/**/*.test.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 60_000,
    teardownTimeout: 30_000,
    maxWorkers: 1,
    fileParallelism: false,
  },
});
