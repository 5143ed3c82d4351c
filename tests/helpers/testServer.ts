import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultLimits, type Limits } from '../../shared/protocol/limits.ts';
import { silentLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';
import { developmentAccess, type ResolveAccess } from '../../server/collab/access.ts';
import { readConfig } from '../../server/config.ts';
import { testStoreEnv } from './testStore.ts';

/** A fresh temporary data directory, removed when the current test finishes. */
export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-test-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestServerOptions {
  dataDir?: string;
  limits?: Partial<Limits>;
  /**
   * Socket access: 'development' (anyone, named by ?name=; for protocol tests), 'sessions' (the real thing),
   * or a custom resolver.
   */
  access?: 'development' | 'sessions' | ResolveAccess;
  env?: Record<string, string>;
  /** Store in SQLite under the data directory even in the PostgreSQL pass (a store to copy with db:copy). */
  forceSqlite?: boolean;
}

/** Starts a real server on port 0 with its own data directory; it is closed when the current test finishes. */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<RunningServer & { dataDir: string; wsUrl: string }> {
  const dataDir = options.dataDir ?? makeDataDir();
  const base = readConfig({
    SEED_DEMO: 'false',
    ...(options.forceSqlite ? {} : await testStoreEnv(dataDir)),
    ...options.env,
  });
  const access = options.access ?? 'development';
  const server = await startServer({
    config: {
      ...base,
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clientDir: null,
      limits: { ...defaultLimits, roomGraceMs: 50, ...options.limits },
    },
    logger: silentLogger,
    ...(access === 'sessions' ? {} : { resolveAccess: access === 'development' ? developmentAccess : access }),
  });
  onTestFinished(() => server.close());
  return { ...server, dataDir, wsUrl: `${server.url.replace('http', 'ws')}/collab` };
}
