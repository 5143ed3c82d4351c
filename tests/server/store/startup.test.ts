import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startTestServer, makeDataDir } from '../../helpers/testServer.ts';
import { testStoreKind } from '../../helpers/testStore.ts';

/** Runs the real entry file and collects how it ended. */
function runMain(env: Record<string, string>): Promise<{ code: number | null; stderr: string; stdout: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', CLIENT_DIR: '/nonexistent', SEED_DEMO: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, stderr, stdout })));
}

describe('start-up on a store that cannot be used', () => {
  it('stops with one line naming host and database, the password masked, when nothing listens there', async () => {
    const { code, stderr } = await runMain({
      DATA_DIR: makeDataDir(),
      DATABASE_URL: 'postgres://board:s3cret-pass@127.0.0.1:1/partnerships',
    });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^Common Ground could not start: could not connect to PostgreSQL at 127\.0\.0\.1:1, database "partnerships": /,
    );
    expect(stderr).not.toContain('s3cret-pass');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a DATABASE_URL that is not a PostgreSQL URL, naming the variable', async () => {
    const { code, stderr, stdout } = await runMain({ DATA_DIR: makeDataDir(), DATABASE_URL: 'mysql://x@y/z' });
    expect(code).not.toBe(0);
    expect(stderr + stdout).toContain('DATABASE_URL');
  });

  it.runIf(testStoreKind === 'postgres')('names a database that does not exist on a reachable server', async () => {
    const { code, stderr } = await runMain({
      DATA_DIR: makeDataDir(),
      DATABASE_URL: 'postgres://postgres:hunter22@127.0.0.1:5432/no_such_partnership_db',
    });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('database "no_such_partnership_db"');
    expect(stderr).toContain('does not exist');
    expect(stderr).not.toContain('hunter22');
  });

  it.runIf(testStoreKind === 'postgres')('writes nothing to DATA_DIR when it stores on PostgreSQL', async () => {
    const server = await startTestServer({ access: 'sessions' });
    const health = await fetch(`${server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok', store: 'postgres' });
    expect(fs.readdirSync(server.dataDir)).toEqual([]);
  });
});
