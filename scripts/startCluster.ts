// `npm run start:cluster -- --instances 3`: several Common Ground instances on one machine, on PostgreSQL and Redis,
// behind a round-robin load balancer on port 3000 (HTTP and WebSocket upgrades, health-checked on /readyz every 2 s).
// For trying scale-out and failover locally (kill -9 one instance and watch its people move); production recipe:
// docs/scale-out.md. Ctrl-C sends SIGTERM to every instance (they drain: sockets closed with 1012) and stops.
//
// Options: --instances N (3), --port P (3000, the balancer), --base-port B (3001: instances on B, B+1, …), --no-build.
// Environment: DATABASE_URL (postgres://postgres@127.0.0.1:5432/commonground, created if missing), REDIS_URL
// (redis://127.0.0.1:6379), REDIS_PREFIX (cg:), and anything else server/main.ts reads, passed to every instance.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startLoadBalancer } from './loadBalancer.ts';

const repoRoot = path.resolve(import.meta.dirname, '..');

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '3' },
    port: { type: 'string', default: '3000' },
    'base-port': { type: 'string', default: '3001' },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(
    'Usage: npm run start:cluster -- [--instances 3] [--port 3000] [--base-port 3001] [--no-build]\n' +
      'Environment: DATABASE_URL, REDIS_URL, REDIS_PREFIX and the usual server settings (see docs/scale-out.md).',
  );
  process.exit(0);
}
const count = Number(values.instances);
const lbPort = Number(values.port);
const basePort = Number(values['base-port']);
if (!Number.isInteger(count) || count < 1 || count > 16) fail('--instances must be a whole number from 1 to 16');
if (!Number.isInteger(lbPort) || !Number.isInteger(basePort)) fail('--port and --base-port must be port numbers');

const databaseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/commonground';
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const hide = (url: string): string => url.replace(/:[^:@/]*@/, ':***@');

function fail(message: string): never {
  console.error(`start:cluster: ${message}`);
  process.exit(1);
}

/** Creates the database named in DATABASE_URL when the server does not have it yet. */
async function ensureDatabase(url: string): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) fail(`DATABASE_URL ${hide(url)} names no database`);
  const adminUrl = new URL(url);
  adminUrl.pathname = '/postgres';
  adminUrl.search = '';
  const client = new pg.Client({ connectionString: adminUrl.toString(), connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
  } catch (error) {
    fail(`PostgreSQL at ${hide(adminUrl.toString())} is not reachable: ${(error as Error).message}`);
  }
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}" TEMPLATE template0 ENCODING 'UTF8'`);
      console.log(`start:cluster: created database ${name}`);
    }
  } finally {
    await client.end();
  }
}

/** Warns (instances start anyway, live but not ready, and become ready when Redis answers). */
async function checkRedis(url: string): Promise<void> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    console.warn(
      `start:cluster: Redis at ${hide(url)} is not reachable (${(error as Error).message}); ` +
        'instances will report not ready until it is.',
    );
  } finally {
    redis.disconnect();
  }
}

function ensureClientBuilt(): void {
  if (fs.existsSync(path.join(repoRoot, 'dist', 'client', 'index.html'))) return;
  if (values['no-build']) {
    console.warn('start:cluster: dist/client is missing (run `npm run build`); the instances serve the API only.');
    return;
  }
  console.log('start:cluster: dist/client is missing; running `npm run build` first');
  const built = spawnSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) fail('`npm run build` failed');
}

interface Running {
  name: string;
  port: number;
  child: ChildProcess;
  exited: Promise<void>;
}

/** Starts one instance; resolves once it says where it listens (or rejects if it exits first). */
function startInstance(index: number): Promise<Running> {
  const name = `i${index + 1}`;
  const port = basePort + index;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: process.env.HOST ?? '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      TRUST_PROXY: process.env.TRUST_PROXY ?? '1',
      PUBLIC_URL: process.env.PUBLIC_URL ?? `http://localhost:${lbPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group: Ctrl-C reaches this script only, which then drains the instances with SIGTERM.
    detached: true,
  });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      console.log(`[${name}] exited (${code ?? signal})`);
      resolve();
    }),
  );
  return new Promise((resolve, reject) => {
    let listening = false;
    const forward = (stream: NodeJS.ReadableStream, out: NodeJS.WriteStream): void => {
      let buffered = '';
      stream.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop()!;
        for (const line of lines) {
          out.write(`[${name}] ${line}\n`);
          if (!listening && line.includes('Common Ground is running at')) {
            listening = true;
            resolve({ name, port, child, exited });
          }
        }
      });
    };
    forward(child.stdout, process.stdout);
    forward(child.stderr, process.stderr);
    void exited.then(() => {
      if (!listening) reject(new Error(`${name} exited before it was listening`));
    });
  });
}

await ensureDatabase(databaseUrl);
await checkRedis(redisUrl);
ensureClientBuilt();

console.log(
  `start:cluster: ${count} instance(s) on ports ${basePort}–${basePort + count - 1}, ` +
    `PostgreSQL ${hide(databaseUrl)}, Redis ${hide(redisUrl)} (prefix ${process.env.REDIS_PREFIX ?? 'cg:'})`,
);
const instances: Running[] = [];
let stopping = false;
let balancer: Awaited<ReturnType<typeof startLoadBalancer>> | null = null;

async function stopAll(exitCode: number): Promise<never> {
  stopping = true;
  // Instances first, through the still-open balancer: their 1012 closes reach the people connected.
  for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  const drained = Promise.all(instances.map((instance) => instance.exited));
  const timeout = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), 20_000).unref());
  if ((await Promise.race([drained, timeout])) === 'timeout') {
    console.warn('start:cluster: instances did not stop within 20 s; killing them');
    for (const { child } of instances) child.kill('SIGKILL');
  }
  await balancer?.close().catch(() => {});
  process.exit(exitCode);
}

process.on('SIGINT', () => void stopAll(0));
process.on('SIGTERM', () => void stopAll(0));
// If this script dies some other way, do not leave instances behind.
process.on('exit', () => {
  for (const { child } of instances) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
});

try {
  // The first instance alone (it migrates the schema and seeds), then the others together.
  instances.push(await startInstance(0));
  const rest = await Promise.all(Array.from({ length: count - 1 }, (_, i) => startInstance(i + 1)));
  instances.push(...rest);
} catch (error) {
  console.error(`start:cluster: ${(error as Error).message}`);
  await stopAll(1);
}
if (stopping) await new Promise(() => {});

balancer = await startLoadBalancer({
  port: lbPort,
  host: process.env.LB_HOST ?? '0.0.0.0',
  targets: instances.map(({ port }) => `http://127.0.0.1:${port}`),
  healthIntervalMs: 2000,
});
console.log(
  `\nCommon Ground cluster: open http://localhost:${balancer.port} (load balancer)\n` +
    instances.map(({ name, port, child }) => `  ${name}: http://127.0.0.1:${port}  pid ${child.pid}`).join('\n') +
    `\nTry failover: kill -9 <pid> of one instance; its people reconnect to another. Ctrl-C stops everything.\n`,
);
for (const instance of instances) {
  void instance.exited.then(() => {
    if (!stopping && instances.every(({ child }) => child.exitCode !== null || child.signalCode !== null)) {
      console.error('start:cluster: every instance has exited');
      void stopAll(1);
    }
  });
}
