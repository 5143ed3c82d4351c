import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createBenchDatabase, type BenchDatabase } from './benchDatabase.ts';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { RoomDirectory } from './servers/roomDirectory.ts';
import type { ServerKind } from './servers/serverKinds.ts';
import { sampleProcess, type ProcSample } from './procStats.ts';

/** Core the servers run on; the load generator pins itself to the other one (see pinLoadGenerator). */
const serverCore = '0';
const loadGeneratorCore = '1';
const readyTimeoutMs = 30_000;
const stopTimeoutMs = 10_000;
const repoRoot = path.resolve(import.meta.dirname, '..');

/** Whether `taskset` exists here; without it nothing is pinned and the report says so. */
export const canPin = spawnSync('taskset', ['--version'], { stdio: 'ignore' }).status === 0;
/**
 * Scheduling priority of the server and the load generator. On a machine shared with other work (tests, browsers),
 * a higher priority keeps that work from showing up as latency; it needs root, and `nice` refusing is harmless.
 */
const benchNice = '-10';
export const canRaisePriority = spawnSync('nice', ['-n', benchNice, 'true'], { stdio: 'ignore' }).status === 0;

/** Children still running, killed on any exit path of the bench. */
const liveChildren = new Set<ChildProcess>();

/** One server under test, running as a child process. */
export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  port: number;
  rooms: RoomDirectory;
  sample(): ProcSample;
  /** Exit code or signal if the process has died, else null. */
  exited(): string | null;
  /** Stops the process (SIGTERM, then SIGKILL) and deletes its data directory. */
  stop(): Promise<void>;
  /** Kills the process at once (SIGKILL, as `kill -9`) and resolves when it has exited; `stop` still cleans up. */
  kill(): Promise<void>;
  /**
   * Stops the process and starts a new one on the same data (rooms already created), so measurements begin in a
   * fresh process with nothing left over from setting the rooms up. Anchors, which create nothing, are returned as is.
   */
  restartFresh(): Promise<ServerProcess>;
}

/** What a restarted server keeps from its predecessor. */
interface Carried {
  dataDir: string;
  rooms: RoomDirectory;
  database: BenchDatabase | null;
}

/**
 * Pins this process (every thread) to the load-generator core and raises its main thread's priority (Linux keeps
 * nice per thread; the main thread runs every client, and the servers it spawns inherit the priority). Returns
 * false if pinning is not possible.
 */
export function pinLoadGenerator(): boolean {
  if (canRaisePriority) spawnSync('renice', ['-n', benchNice, '-p', String(process.pid)], { stdio: 'ignore' });
  if (!canPin) return false;
  return (
    spawnSync('taskset', ['-a', '-p', '-c', loadGeneratorCore, String(process.pid)], { stdio: 'ignore' }).status === 0
  );
}

/**
 * What the instances of one cluster share: a database created (and dropped) by whoever runs the cluster, rather than
 * one per process, and environment on top of the kind's (Redis URL and prefix).
 */
export interface SharedSetup {
  database?: BenchDatabase;
  env?: Record<string, string>;
  /** The rooms as the first instance opened them (ours: the same partnerships and token, valid on every instance). */
  rooms?: RoomDirectory;
}

/** Starts a fresh server of `kind` on a free loopback port with an empty data directory, pinned to core 0. */
export async function startServerProcess(
  kind: ServerKind,
  carried?: Carried,
  shared?: SharedSetup,
): Promise<ServerProcess> {
  const port = await findFreePort();
  const dataDir = carried?.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `cg-bench-${kind.id}-`));
  // A shared database belongs to the cluster: this process neither creates nor drops it.
  const ownDatabase = shared?.database
    ? null
    : (carried?.database ?? (kind.postgres ? await createBenchDatabase() : null));
  const database = shared?.database ?? ownDatabase;
  const nodeArgs = ['--import', 'tsx', kind.entry];
  const [command, args] = canPin
    ? ['taskset', ['-c', serverCore, process.execPath, ...nodeArgs]]
    : [process.execPath, nodeArgs];
  // taskset execs node in place, so the child's pid is the server's pid; the child inherits this thread's priority.
  const child = spawn(command, args, {
    cwd: repoRoot,
    env: {
      ...process.env,
      ...kind.env,
      ...shared?.env,
      ...(database ? { DATABASE_URL: database.url } : {}),
      PORT: String(port),
      DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  liveChildren.add(child);
  let exit: string | null = null;
  const exitedPromise = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exit = signal ?? `code ${code}`;
      liveChildren.delete(child);
      resolve();
    });
  });
  // Keep the last lines of output for error reports; reading also keeps the pipes from filling up.
  const tail: string[] = [];
  const remember = (chunk: Buffer): void => {
    tail.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    tail.splice(0, Math.max(0, tail.length - 20));
  };
  child.stderr.on('data', remember);
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), readyTimeoutMs);
    const onData = (chunk: Buffer): void => {
      remember(chunk);
      if (chunk.toString('utf8').includes('running at http://')) {
        clearTimeout(timer);
        resolve(true);
      }
    };
    child.stdout.on('data', onData);
    void exitedPromise.then(() => {
      clearTimeout(timer);
      resolve(false);
    });
  });

  const halt = async (): Promise<void> => {
    if (exit === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exitedPromise;
      clearTimeout(timer);
    }
  };
  const stop = async (): Promise<void> => {
    await halt();
    fs.rmSync(dataDir, { recursive: true, force: true });
    await ownDatabase?.drop();
  };
  const kill = async (): Promise<void> => {
    if (exit === null) {
      child.kill('SIGKILL');
      await exitedPromise;
    }
  };

  if (!(await ready) || child.pid === undefined) {
    await stop();
    throw new Error(`${kind.label} did not start (${exit ?? 'no ready line'}):\n${tail.join('\n')}`);
  }
  const pid = child.pid;
  try {
    const rooms = carried
      ? carried.rooms.movedTo(port)
      : shared?.rooms
        ? shared.rooms.movedTo(port)
        : await kind.openRooms(port);
    const server: ServerProcess = {
      kind,
      pid,
      port,
      rooms,
      sample: () => sampleProcess(pid),
      exited: () => exit,
      stop,
      kill,
      async restartFresh() {
        if (!rooms.createsState) return server;
        await halt();
        return startServerProcess(kind, { dataDir, rooms, database: ownDatabase }, shared);
      },
    };
    return server;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Kills every server still running; safe to call from an exit handler (synchronous). */
export function killAllServers(): void {
  for (const child of liveChildren) child.kill('SIGKILL');
  liveChildren.clear();
}

function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
