/**
 * The multi-process harness for the cluster tests (issue 12): real instances of `server/main.ts` as separate
 * processes on port 0, sharing one PostgreSQL database and one Redis prefix per test file, plus private Redis and
 * PostgreSQL servers on random ports for the tests that stop and restart them. Nothing here ever stops, restarts
 * or flushes the machine's shared services: a test file creates its own database and key prefix and removes
 * exactly those at the end.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, expect, onTestFinished } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { testAdmin, testAdminEnv, ApiClient } from '../helpers/apiClient.ts';
import { webSocketWithHeaders } from '../helpers/collabClient.ts';
import { waitFor } from '../helpers/waitFor.ts';
import { deleteRedisPrefix, testRedisPrefix } from '../helpers/testRedis.ts';

export { deleteRedisPrefix, testRedisPrefix as randomRedisPrefix };
import { workspaceDocName } from '../../shared/protocol/docNames.ts';

/** The machine's PostgreSQL server (its `postgres` database is used only to create and drop test databases). */
export const sharedPostgresUrl = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** The machine's Redis; tests only touch keys under their own random prefix. */
export const sharedRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const pgBinDir = process.env.PG_BIN_DIR ?? '/usr/local/bin';

export { testAdmin };

// ---------------------------------------------------------------------------------------------------------------
// Ports, processes

/** A TCP port that was free a moment ago (the kernel's choice for port 0). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** How a process ended. */
export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function exitOf(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  }
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function tail(text: string, lines = 40): string {
  return text.split('\n').slice(-lines).join('\n');
}

// ---------------------------------------------------------------------------------------------------------------
// Instances

/** Every child process the harness started and that is still running: killed if the test worker exits first. */
const children = new Set<ChildProcess>();
/** Private PostgreSQL servers still running (pg_ctl daemonises them, so they are not children): stopped likewise. */
const postgresStops = new Set<() => void>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
  for (const stop of postgresStops) stop();
});

/** Registers `cleanup` for the end of the current test, or of the file when called outside a test. */
function cleanUpLater(cleanup: () => Promise<void>): void {
  try {
    onTestFinished(cleanup);
  } catch {
    afterAll(cleanup);
  }
}
function track(child: ChildProcess): void {
  children.add(child);
  child.once('exit', () => children.delete(child));
}

/** One running `server/main.ts` process. */
export interface Instance {
  name: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `ws://127.0.0.1:<port>/collab` (append `/<docName>`) */
  wsUrl: string;
  port: number;
  process: ChildProcess;
  /** The environment it was started with (for a restart on the same settings). */
  env: Record<string, string>;
  /** Everything it wrote so far. */
  stdout(): string;
  stderr(): string;
  /** Its JSON log lines so far (lines that are not JSON are skipped). */
  logs(): Record<string, unknown>[];
  /** Whether it was killed by the test or has exited: a load balancer would not send to it any more. */
  readonly down: boolean;
  kill(signal?: 'SIGKILL' | 'SIGTERM'): void;
  /** Resolves when the process has ended (rejects after `timeoutMs`). */
  waitForExit(timeoutMs?: number): Promise<Exit>;
  /** The tail of its output, for failure messages. */
  describe(): string;
}

export interface StartInstanceOptions {
  name?: string;
  /** Milliseconds to wait for "Common Ground is running at …". */
  startTimeoutMs?: number;
}

/**
 * Starts `node --import tsx server/main.ts` with `env` on top of a test baseline (port 0, 127.0.0.1, API only,
 * no demo, the test administrator, a short room grace). Resolves once it prints the URL it listens on.
 */
export async function startInstance(
  env: Record<string, string>,
  { name = 'instance', startTimeoutMs = 30_000 }: StartInstanceOptions = {},
): Promise<Instance> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `cg-cluster-${name}-`));
  const fullEnv: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    CLIENT_DIR: path.join(dataDir, 'no-client'),
    SEED_DEMO: 'false',
    ROOM_GRACE_MS: '200',
    ...testAdminEnv,
    ...env,
  };
  const { CI: _ci, STORE: _store, ...inherited } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: repoRoot,
    env: { ...inherited, ...fullEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = exitOf(child);
  let killed = false;
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const describe = (): string =>
    `${name} (pid ${child.pid})\n--- stdout (tail) ---\n${tail(stdout)}\n--- stderr (tail) ---\n${tail(stderr)}`;

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${startTimeoutMs} ms:\n${describe()}`));
    }, startTimeoutMs);
    const check = (): void => {
      const match = /running at (http:\/\/[^"\s]+)/.exec(stdout);
      if (!match) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve(match[1]!.replace('localhost', '127.0.0.1'));
    };
    child.stdout.on('data', check);
    void exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${exit.code ?? exit.signal}) before it was listening:\n${describe()}`));
    });
  });
  const port = Number(new URL(url).port);
  const instance: Instance = {
    name,
    url,
    wsUrl: `${url.replace('http', 'ws')}/collab`,
    port,
    process: child,
    env: fullEnv,
    stdout: () => stdout,
    stderr: () => stderr,
    logs: () =>
      stdout
        .concat('\n', stderr)
        .split('\n')
        .flatMap((line) => {
          if (!line.startsWith('{')) return [];
          try {
            return [JSON.parse(line) as Record<string, unknown>];
          } catch {
            return [];
          }
        }),
    get down() {
      return killed || hasExited;
    },
    kill(signal = 'SIGKILL') {
      killed = true;
      if (!hasExited) child.kill(signal);
    },
    waitForExit: (timeoutMs = 20_000) => withTimeout(exited, timeoutMs, `waiting for ${name} to exit`),
    describe,
  };
  return instance;
}

/** GET `/readyz`: the status code and body. */
export async function readiness(instance: Pick<Instance, 'url'>): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${instance.url}/readyz`);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // keep the text
  }
  return { status: response.status, body };
}

// ---------------------------------------------------------------------------------------------------------------
// The shared services: a fresh database and key prefix per test file

/** Whether the machine's PostgreSQL and Redis answer; a reason when they do not. */
export async function sharedServicesProblem(): Promise<string | null> {
  const client = new pg.Client({ connectionString: sharedPostgresUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    return `PostgreSQL at ${sharedPostgresUrl}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
  const redis = new Redis(sharedRedisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    return `Redis at ${sharedRedisUrl}: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    redis.disconnect();
  }
  return null;
}

/** Creates a database with a random name on the server of `adminUrl`; returns its URL. */
export async function createDatabase(adminUrl = sharedPostgresUrl, prefix = 'cg_cluster'): Promise<string> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database made by {@link createDatabase}, terminating whatever is still connected to it first. */
export async function dropDatabase(databaseUrl: string, adminUrl = sharedPostgresUrl): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop database ${JSON.stringify(name)}`);
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(
      'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [name],
    );
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** What one test file runs on: its database, Redis and prefix, and the instances it started. */
export interface Cluster {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  /** Every instance started through this cluster, in order. */
  instances: Instance[];
  /** Starts an instance on the cluster's database and Redis (`env` adds to or overrides the defaults). */
  start(name: string, env?: Record<string, string>): Promise<Instance>;
  /** Instances neither killed nor exited. */
  live(): Instance[];
  /** The private Redis (option `privateRedis`), to stop and restart. */
  redis: PrivateService | null;
  /** The private PostgreSQL server (option `privatePostgres`), to stop and restart. */
  postgres: PrivateService | null;
}

export interface ClusterOptions {
  /** A Redis of the file's own on a random port (restart tests), instead of the machine's. */
  privateRedis?: boolean;
  /** A PostgreSQL server of the file's own on a random port (restart tests), instead of the machine's. */
  privatePostgres?: boolean;
  /** Settings every instance gets, e.g. HEARTBEAT_MS. */
  env?: Record<string, string>;
}

/**
 * Registers `beforeAll`/`afterAll` hooks for a test file: a fresh PostgreSQL database and Redis prefix before, and
 * afterwards every instance killed, the database dropped and the prefix's keys deleted. Instances started during a
 * test are killed when that test finishes.
 */
export function useCluster(options: ClusterOptions = {}): Cluster {
  const instances: Instance[] = [];
  const cluster: Cluster = {
    databaseUrl: '',
    redisUrl: '',
    redisPrefix: testRedisPrefix(),
    instances,
    async start(name, env = {}) {
      const instance = await startInstance(
        {
          DATABASE_URL: cluster.databaseUrl,
          REDIS_URL: cluster.redisUrl,
          REDIS_PREFIX: cluster.redisPrefix,
          ...options.env,
          ...env,
        },
        { name },
      );
      instances.push(instance);
      try {
        onTestFinished(() => stopInstances([instance]));
      } catch {
        // started outside a test (beforeAll): afterAll stops it
      }
      return instance;
    },
    live: () => instances.filter((instance) => !instance.down),
    redis: null,
    postgres: null,
  };
  let postgresAdminUrl = sharedPostgresUrl;
  beforeAll(async () => {
    if (options.privateRedis) cluster.redis = await startPrivateRedis({ register: false });
    if (options.privatePostgres) cluster.postgres = await startPrivatePostgres({ register: false });
    cluster.redisUrl = cluster.redis?.url ?? sharedRedisUrl;
    postgresAdminUrl = cluster.postgres?.url ?? sharedPostgresUrl;
    cluster.databaseUrl = await createDatabase(postgresAdminUrl);
  });
  afterAll(async () => {
    // Each step even if an earlier one failed: a test file never leaves a database, keys or a process behind.
    const problems: unknown[] = [];
    await stopInstances(instances).catch((error: unknown) => problems.push(error));
    if (cluster.postgres) {
      await cluster.postgres.cleanup().catch((error: unknown) => problems.push(error));
    } else if (cluster.databaseUrl) {
      await dropDatabase(cluster.databaseUrl, postgresAdminUrl).catch((error: unknown) => problems.push(error));
    }
    if (cluster.redis) {
      await cluster.redis.cleanup().catch((error: unknown) => problems.push(error));
    } else if (cluster.redisUrl) {
      await deleteRedisPrefix(cluster.redisPrefix, cluster.redisUrl).catch((error: unknown) => problems.push(error));
    }
    if (problems.length > 0) throw new AggregateError(problems, 'cluster cleanup failed');
  });
  return cluster;
}

/** SIGKILLs whatever is still running and waits for it to be gone. */
export async function stopInstances(instances: readonly Instance[]): Promise<void> {
  await Promise.all(
    instances.map(async (instance) => {
      if (instance.process.exitCode === null && instance.process.signalCode === null) instance.process.kill('SIGKILL');
      await instance.waitForExit(10_000).catch(() => {});
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Private Redis and PostgreSQL (for restart tests)

export interface PrivateService {
  port: number;
  url: string;
  stop(): Promise<void>;
  /** Starts it again on the same port (and, for PostgreSQL, the same data). */
  restart(): Promise<void>;
  /** Stops it and removes whatever it left on disk. */
  cleanup(): Promise<void>;
}

/** `redis-server` on a free port, no persistence; registered for cleanup when the file's tests end. */
export async function startPrivateRedis({ register = true } = {}): Promise<PrivateService> {
  const port = await freePort();
  let child: ChildProcess | null = null;
  let output = '';
  const launch = async (): Promise<void> => {
    output = '';
    const started = spawn(
      process.env.REDIS_SERVER ?? 'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child = started;
    track(started);
    started.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    started.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await withTimeout(
      new Promise<void>((resolve, reject) => {
        const check = (): void => {
          if (/Ready to accept connections/.test(output)) resolve();
        };
        started.stdout.on('data', check);
        started.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)));
      }),
      10_000,
      `starting redis-server on port ${port}`,
    );
  };
  const stop = async (): Promise<void> => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null || running.signalCode !== null) return;
    const exited = exitOf(running);
    running.kill('SIGKILL');
    await exited;
  };
  await launch();
  const service: PrivateService = {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    cleanup: stop,
  };
  if (register) cleanUpLater(() => service.cleanup());
  return service;
}

/** initdb and pg_ctl refuse to run as root: run them as the `postgres` account then. */
function postgresAccount(): { uid: number; gid: number } | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const uid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const gid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) {
    throw new Error('running as root, and there is no postgres account to run initdb as');
  }
  return { uid, gid };
}

/** A PostgreSQL server of its own: `initdb` on a temporary directory, `pg_ctl start` on a free port. */
export async function startPrivatePostgres({ register = true } = {}): Promise<PrivateService> {
  const account = postgresAccount();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-pg-'));
  if (account) fs.chownSync(dir, account.uid, account.gid);
  const dataDir = path.join(dir, 'data');
  const port = await freePort();
  const run = (tool: string, args: string[]): void => {
    const result = spawnSync(path.join(pgBinDir, tool), args, {
      encoding: 'utf8',
      cwd: dir,
      timeout: 60_000,
      ...(account ?? {}),
    });
    if (result.status !== 0) {
      throw new Error(`${tool} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
    }
  };
  run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const start = (): void =>
    run('pg_ctl', [
      '-D',
      dataDir,
      '-l',
      path.join(dir, 'server.log'),
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
      '-w',
      '-t',
      '30',
      'start',
    ]);
  let running = false;
  const stopNow = (): void => {
    if (!running) return;
    running = false;
    postgresStops.delete(stopNow);
    run('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
  };
  const stop = async (): Promise<void> => {
    stopNow();
    await Promise.resolve();
  };
  start();
  running = true;
  postgresStops.add(stopNow);
  const service: PrivateService = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop,
    restart: async () => {
      await stop();
      start();
      running = true;
      postgresStops.add(stopNow);
      await Promise.resolve();
    },
    cleanup: async () => {
      await stop().catch(() => {});
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  if (register) cleanUpLater(() => service.cleanup());
  return service;
}

// ---------------------------------------------------------------------------------------------------------------
// People and partnerships over HTTP

/** Signs the test administrator in at `url` (any instance: sessions live in the shared database). */
export async function signInAdmin(url: string): Promise<ApiClient> {
  const admin = new ApiClient(url);
  await admin.signIn(testAdmin.email, testAdmin.password);
  return admin;
}

/** Creates a partnership (blank template) as the administrator; returns its id. */
export async function createPartnership(admin: ApiClient, name = 'Riverside'): Promise<string> {
  const { status, body } = await admin.request<{ id: string }>('POST', '/api/partnerships', {
    name,
    areaName: name,
    areaCode: 'E09000024',
    template: 'blank',
  });
  if (status !== 201) throw new Error(`creating a partnership failed: ${status} ${JSON.stringify(body)}`);
  return body.id;
}

/** A member who joined by invitation, signed in at `url`. */
export interface Member {
  client: ApiClient;
  userId: string;
  displayName: string;
  /** Headers a Node socket needs to ride this member's session. */
  headers: Record<string, string>;
}

/** Invites someone with `role` and accepts as them at `url`; they are signed in afterwards. */
export async function joinPartnership(
  admin: ApiClient,
  partnershipId: string,
  role: 'editor' | 'viewer',
  displayName: string,
  url = admin.baseUrl,
): Promise<Member> {
  const invited = await admin.request<{ url: string }>('POST', `/api/partnerships/${partnershipId}/invitations`, {
    role,
    organisation: `${displayName}'s agency`,
  });
  if (invited.status !== 201) throw new Error(`invitation failed: ${invited.status} ${JSON.stringify(invited.body)}`);
  const token = invited.body.url.split('/invite/')[1]!;
  const person = new ApiClient(url);
  const accepted = await person.request('POST', `/api/invitations/${token}/accept`, {
    email: `${displayName.toLowerCase()}.${randomBytes(3).toString('hex')}@example.org`,
    displayName,
    organisation: 'Own org',
    password: 'long enough passphrase',
  });
  if (accepted.status !== 200) throw new Error(`accepting failed: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  const me = await person.request<{ user: { id: string } }>('GET', '/api/me');
  return { client: person, userId: me.body.user.id, displayName, headers: { cookie: person.cookie! } };
}

// ---------------------------------------------------------------------------------------------------------------
// Stock y-websocket clients

/** How a socket authenticates: session headers (cookie) and/or query parameters (`token`). */
export interface SocketAuth {
  headers?: Record<string, string>;
  params?: Record<string, string>;
}

/** A stock `WebsocketProvider` for `doc` (BroadcastChannel off: Node has one, and it would bypass the server). */
export function openProvider(
  wsUrl: string,
  docName: string,
  doc: Y.Doc,
  auth: SocketAuth,
  awareness?: Awareness,
): WebsocketProvider {
  return new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(auth.headers ?? {}),
    disableBc: true,
    params: auth.params ?? {},
    ...(awareness ? { awareness } : {}),
    maxBackoffTime: 500,
  });
}

/** Resolves when `provider` has completed a sync with its server. */
export function providerSynced(provider: WebsocketProvider): Promise<void> {
  if (provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const handle = (synced: boolean): void => {
      if (!synced) return;
      provider.off('sync', handle);
      resolve();
    };
    provider.on('sync', handle);
  });
}

/**
 * A y-websocket client behind a simulated load balancer: one Y.Doc and Awareness for its whole life, and a new
 * stock provider against another instance whenever its connection closes (as a real LB would route the
 * reconnect to a healthy instance). `route` picks the instance's ws URL for each (re)connection.
 */
export class RoamingClient {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  provider: WebsocketProvider;
  /** The ws URL of the instance it is connected (or connecting) to. */
  current: string;
  /** How many times it moved to another instance. */
  moves = 0;
  /** Close codes its connections ended with. */
  readonly closeCodes: (number | undefined)[] = [];
  #destroyed = false;
  readonly #route: (previous: string | null) => string;
  readonly #docName: string;
  readonly #auth: SocketAuth;

  constructor(docName: string, auth: SocketAuth, route: (previous: string | null) => string) {
    this.#docName = docName;
    this.#auth = auth;
    this.#route = route;
    this.current = route(null);
    this.provider = this.#open(this.current);
    onTestFinished(() => this.destroy());
  }

  #open(wsUrl: string): WebsocketProvider {
    const provider = openProvider(wsUrl, this.#docName, this.doc, this.#auth, this.awareness);
    provider.on('connection-close', (event) => {
      this.closeCodes.push(event?.code);
      // A close we asked for ourselves (event null) is not the server going away.
      if (this.#destroyed || event === null || provider !== this.provider) return;
      // Let the stock provider finish its close handling first, then hand the doc to the next instance.
      setImmediate(() => this.#move(provider));
    });
    return provider;
  }

  #move(from: WebsocketProvider): void {
    if (this.#destroyed || from !== this.provider) return;
    from.destroy();
    this.current = this.#route(this.current);
    this.moves++;
    this.provider = this.#open(this.current);
  }

  get synced(): boolean {
    return this.provider.synced && this.provider.wsconnected;
  }

  whenSynced(): Promise<void> {
    return providerSynced(this.provider);
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.provider.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }
}

/** A plain client pinned to one instance (stock reconnects to the same URL), destroyed when the test ends. */
export function connectPinned(
  instance: Pick<Instance, 'wsUrl'>,
  docName: string,
  auth: SocketAuth,
): { doc: Y.Doc; provider: WebsocketProvider; destroy(): void } {
  const doc = new Y.Doc();
  const provider = openProvider(instance.wsUrl, docName, doc, auth);
  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    doc.destroy();
  };
  onTestFinished(destroy);
  return { doc, provider, destroy };
}

/** Resolves with the code of the next close of `provider`'s connection. */
export function nextCloseCode(provider: WebsocketProvider): Promise<number | undefined> {
  return new Promise((resolve) => provider.once('connection-close', (event) => resolve(event?.code)));
}

/** Polls `/readyz` until it answers ready (200) or not ready (503); returns the last body. */
export async function waitForReadiness(instance: Instance, ready: boolean, timeoutMs = 20_000): Promise<unknown> {
  return waitFor(
    async () => {
      const { status, body } = await readiness(instance);
      expect(status, `${instance.name} /readyz: ${JSON.stringify(body)}`).toBe(ready ? 200 : 503);
      return body;
    },
    { timeoutMs, intervalMs: 100 },
  );
}

/**
 * Two ready instances and one client pinned to each, on the workspace of a new partnership, in step after a first
 * edit to `root` — the start of every outage test.
 */
export async function pairOnOneDocument(cluster: Cluster, partnershipName: string, root: string) {
  const a = await cluster.start('A');
  const b = await cluster.start('B');
  await Promise.all([waitForReadiness(a, true), waitForReadiness(b, true)]);
  const admin = await signInAdmin(a.url);
  const docName = workspaceDocName(await createPartnership(admin, partnershipName));
  const auth = { headers: { cookie: admin.cookie! } };
  const clients = [
    { ...connectPinned(a, docName, auth), label: 'client on A' },
    { ...connectPinned(b, docName, auth), label: 'client on B' },
  ];
  await Promise.all(clients.map((client) => providerSynced(client.provider)));
  clients[0]!.doc.getMap(root).set('before', 1);
  await waitForConvergence(clients, { roots: { [root]: 'map' } });
  return { a, b, docName, auth, clients };
}

// ---------------------------------------------------------------------------------------------------------------
// Convergence

/** The root types a test compares, by name and kind (a fresh Y.Doc only shows the roots it has asked for). */
export type Roots = Record<string, 'map' | 'array' | 'text'>;

/**
 * A canonical snapshot of a doc's content for comparison: the named roots (defined first, so a fresh replica shows
 * them too) and object keys sorted, since a Y.Map's JSON lists keys in the order this replica happened to learn
 * them, which differs between replicas holding the same state.
 */
export function snapshotOf(doc: Y.Doc, roots: Roots = {}): string {
  for (const [name, kind] of Object.entries(roots)) {
    if (kind === 'map') doc.getMap(name);
    else if (kind === 'array') doc.getArray(name);
    else doc.getText(name);
  }
  return JSON.stringify(doc.toJSON(), (_key, value: unknown) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : value,
  );
}

/** Waits until every doc has the same content and the same state vector; the message names who differs. */
export async function waitForConvergence(
  docs: readonly { doc: Y.Doc; label: string }[],
  { timeoutMs = 20_000, roots = {} } = {},
): Promise<string> {
  return waitFor(
    () => {
      const [first, ...rest] = docs;
      const expected = snapshotOf(first!.doc, roots);
      const expectedVector = Buffer.from(Y.encodeStateVector(first!.doc)).toString('hex');
      for (const other of rest) {
        const vector = Buffer.from(Y.encodeStateVector(other.doc)).toString('hex');
        if (snapshotOf(other.doc, roots) !== expected || vector !== expectedVector) {
          throw new Error(
            `${other.label} differs from ${first!.label}: ` + `${describeDoc(other.doc)} vs ${describeDoc(first!.doc)}`,
          );
        }
      }
      return expected;
    },
    { timeoutMs, intervalMs: 50 },
  );
}

function describeDoc(doc: Y.Doc): string {
  const clocks = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()]
    .map(([client, clock]) => `${client}:${clock}`)
    .join(',');
  return `[${clocks}]`;
}

/** A small seeded PRNG (mulberry32), so a failing random run can be replayed from its logged seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Yields to the event loop so other clients' frames interleave with a burst (pacing, not waiting). */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
