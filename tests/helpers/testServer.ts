import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import { defaultLimits, type Limits } from '../../shared/protocol/limits.ts';
import { silentLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';
import type { ResolveAccess } from '../../server/collab/access.ts';

/** A fresh temporary data directory, removed when the current test finishes. */
export function makeDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-test-'));
  onTestFinished(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export interface TestServerOptions {
  dataDir?: string;
  limits?: Partial<Limits>;
  resolveAccess?: ResolveAccess;
}

/** Starts a real server on port 0 with its own data directory; it is closed when the current test finishes. */
export async function startTestServer(
  options: TestServerOptions = {},
): Promise<RunningServer & { dataDir: string; wsUrl: string }> {
  const dataDir = options.dataDir ?? makeDataDir();
  const server = await startServer({
    config: {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      clientDir: null,
      limits: { ...defaultLimits, roomGraceMs: 50, ...options.limits },
    },
    logger: silentLogger,
    ...(options.resolveAccess ? { resolveAccess: options.resolveAccess } : {}),
  });
  onTestFinished(() => server.close());
  return { ...server, dataDir, wsUrl: `${server.url.replace('http', 'ws')}/collab` };
}
