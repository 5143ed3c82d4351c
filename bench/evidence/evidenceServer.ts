import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readConfig } from '../../server/config.ts';
import { silentLogger } from '../../server/logger.ts';
import { startServer, type RunningServer } from '../../server/startServer.ts';

/** The administrator the bench server creates. */
export const benchAdmin = { email: 'bench@example.org', password: 'correct horse battery staple' };

/** A real server (SQLite in WAL mode on disk, as in production) with a signed-in administrator's cookie. */
export interface EvidenceBenchServer {
  server: RunningServer;
  cookie: string;
  dataDir: string;
  close(): Promise<void>;
}

/** Starts the server in this process on a free port, serving the built client from `clientDir` when given. */
export async function startEvidenceServer(clientDir: string | null): Promise<EvidenceBenchServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-bench-evidence-'));
  const config = readConfig({ SEED_DEMO: 'false', ADMIN_EMAIL: benchAdmin.email, ADMIN_PASSWORD: benchAdmin.password });
  const server = await startServer({
    config: { ...config, port: 0, host: '127.0.0.1', dataDir, clientDir },
    logger: silentLogger,
  });
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(benchAdmin),
  });
  const cookie = login.headers
    .getSetCookie()
    .find((value) => value.startsWith('cg_session='))!
    .split(';')[0]!;
  return {
    server,
    cookie,
    dataDir,
    close: async () => {
      await server.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Creates a partnership on the Common Outcomes template (24 metrics with Fingertips ids); returns its id. */
export async function createBenchPartnership(bench: EvidenceBenchServer, name: string): Promise<string> {
  const response = await fetch(`${bench.server.url}/api/partnerships`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: bench.cookie },
    body: JSON.stringify({ name, areaName: 'Merton', areaCode: 'E09000024', template: 'common-outcomes' }),
  });
  if (response.status !== 201) throw new Error(`creating a partnership failed: ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

/** Posts a file as the raw body, as the browser does; returns the parsed answer. */
export async function postFile(bench: EvidenceBenchServer, url: string, body: string): Promise<unknown> {
  const response = await fetch(`${bench.server.url}${url}`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv', cookie: bench.cookie },
    body,
  });
  const json = (await response.json()) as unknown;
  if (!response.ok) throw new Error(`${url} answered ${response.status}: ${JSON.stringify(json).slice(0, 500)}`);
  return json;
}
