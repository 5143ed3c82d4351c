import { randomBytes } from 'node:crypto';
import { deleteRedisPrefix } from '../../tests/helpers/testRedis.ts';
import { createBenchDatabase, type BenchDatabase } from '../benchDatabase.ts';
import type { ProcSample } from '../procStats.ts';
import { startServerProcess, type ServerProcess } from '../serverProcess.ts';
import type { RoomDirectory } from '../servers/roomDirectory.ts';
import { serverKinds, type ServerKind } from '../servers/serverKinds.ts';
import { waitUntil } from '../waitFor.ts';

/** The Redis the instances meet through (`BENCH_REDIS_URL`, else the machine's). Only keys under a run's prefix are touched. */
export const benchRedisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';

export const clusterIds = ['ours', 'hocuspocus-redis'] as const;
export type ClusterId = (typeof clusterIds)[number];

/** A server that runs as several instances behind one Redis, and what each instance needs to join the others. */
export interface ClusterKind {
  id: ClusterId;
  label: string;
  /** One line on how instances meet and what is stored, for the report. */
  description: string;
  kind: ServerKind;
  /** A PostgreSQL database shared by every instance. */
  sharedDatabase: boolean;
  /** Environment for every instance, given the run's Redis prefix. */
  env(prefix: string): Record<string, string>;
  /** Whether an instance answers `/readyz` (then the cluster waits until every instance is ready). */
  readyz: boolean;
}

/** How often ours reads the log's index to catch up with what Redis did not deliver (the server's default). */
const catchUpMs = '5000';

const ours: ClusterKind = {
  id: 'ours',
  label: 'Common Ground, cluster mode',
  description:
    'PostgreSQL (one database for every instance, synchronous commit) and Redis pub/sub; every update committed ' +
    `before it is broadcast or published, and a catch-up from the log every ${Number(catchUpMs) / 1000} s`,
  kind: serverKinds['ours-postgres'],
  sharedDatabase: true,
  env: (prefix) => ({ REDIS_URL: benchRedisUrl, REDIS_PREFIX: prefix, CATCH_UP_MS: catchUpMs }),
  readyz: true,
};

const hocuspocusRedis: ClusterKind = {
  id: 'hocuspocus-redis',
  label: '@hocuspocus/server 3.4.3 + extension-redis 3.4.4',
  description:
    'in memory on every instance, changes and presence relayed through Redis pub/sub by the official extension ' +
    '(a Redis lock around each debounced store; nothing is stored)',
  kind: {
    ...serverKinds.hocuspocus,
    label: '@hocuspocus/server 3.4.3 + extension-redis 3.4.4',
    entry: 'bench/servers/hocuspocusRedisServer.ts',
  },
  sharedDatabase: false,
  env: (prefix) => ({ BENCH_REDIS_URL: benchRedisUrl, BENCH_REDIS_PREFIX: prefix }),
  readyz: false,
};

export const clusterKinds: Record<ClusterId, ClusterKind> = { ours, 'hocuspocus-redis': hocuspocusRedis };

/** Several instances of one server on one database and one Redis prefix, all pinned to the server core. */
export interface Cluster {
  kind: ClusterKind;
  instances: ServerProcess[];
  /** The first instance (rooms are prepared through it), as the client group wants a server. */
  first: ServerProcess;
  /** The rooms on each instance, in instance order. */
  directories: RoomDirectory[];
  /** CPU and memory of every instance still running, summed (CPU of an instance killed meanwhile is dropped). */
  sample(): ProcSample;
  /** Exit reports of instances that died without being killed by the bench. */
  unexpectedExits(): string[];
  /** Kills instance `index` with SIGKILL (kill -9). */
  kill(index: number): Promise<void>;
  /** Stops every instance, drops the database and deletes every Redis key under the run's prefix. */
  stop(): Promise<void>;
}

const readyTimeoutMs = 30_000;

async function isReady(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/readyz`, { signal: AbortSignal.timeout(2_000) });
    const body = (await response.json()) as { status?: string };
    return response.status === 200 && body.status === 'ready';
  } catch {
    return false;
  }
}

async function waitReady(port: number): Promise<void> {
  const deadline = performance.now() + readyTimeoutMs;
  while (!(await isReady(port))) {
    if (performance.now() > deadline) throw new Error(`instance on port ${port} not ready within ${readyTimeoutMs} ms`);
    await waitUntil(() => false, 100);
  }
}

/**
 * Starts `count` instances of `kind` one after another (the first creates the schema and the administrator), on a
 * fresh database and a random Redis prefix of their own, and waits until each is ready.
 */
export async function startCluster(kind: ClusterKind, count: number): Promise<Cluster> {
  const prefix = `cgbench:${randomBytes(6).toString('hex')}:`;
  const database: BenchDatabase | undefined = kind.sharedDatabase ? await createBenchDatabase() : undefined;
  const instances: ServerProcess[] = [];
  const killed = new Set<number>();
  const stop = async (): Promise<void> => {
    for (const instance of instances) await instance.stop();
    await database?.drop();
    await deleteRedisPrefix(prefix, benchRedisUrl);
  };
  try {
    for (let index = 0; index < count; index++) {
      const instance = await startServerProcess(kind.kind, undefined, {
        database,
        env: kind.env(prefix),
        rooms: instances[0]?.rooms,
      });
      instances.push(instance);
      if (kind.readyz) await waitReady(instance.port);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  const first = instances[0]!;
  return {
    kind,
    instances,
    first,
    directories: instances.map((instance) => instance.rooms),
    sample() {
      const samples = instances.filter((_instance, index) => !killed.has(index)).map((instance) => instance.sample());
      return {
        at: Math.max(...samples.map((sample) => sample.at)),
        cpuMs: samples.reduce((sum, sample) => sum + sample.cpuMs, 0),
        rssBytes: samples.reduce((sum, sample) => sum + sample.rssBytes, 0),
        peakRssBytes: samples.reduce((sum, sample) => sum + sample.peakRssBytes, 0),
      };
    },
    unexpectedExits: () =>
      instances.flatMap((instance, index) => {
        const exit = instance.exited();
        return exit !== null && !killed.has(index) ? [`instance ${index + 1} exited (${exit})`] : [];
      }),
    async kill(index) {
      killed.add(index);
      await instances[index]!.kill();
    },
    stop,
  };
}
