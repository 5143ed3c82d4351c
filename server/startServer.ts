import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { Database } from 'better-sqlite3';
import type { ServerConfig } from './config.ts';
import { createApp } from './app.ts';
import { createMetrics } from './metrics.ts';
import type { Logger } from './logger.ts';
import { openDatabase } from './store/database.ts';
import { SqliteDocStore } from './store/SqliteDocStore.ts';
import { RoomManager } from './collab/RoomManager.ts';
import { CollabServer } from './collab/CollabServer.ts';
import { developmentAccess, type ResolveAccess } from './collab/access.ts';

/** A running server: where it listens and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  rooms: RoomManager;
  collab: CollabServer;
  db: Database;
  /** Flushes, closes sockets with 1012, stores and unloads every document, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  config: ServerConfig;
  logger: Logger;
  resolveAccess?: ResolveAccess;
}

/** Opens storage, builds the app and the collaboration server, and listens. */
export async function startServer({
  config,
  logger,
  resolveAccess = developmentAccess,
}: StartOptions): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  const store = new SqliteDocStore(db);
  const metrics = createMetrics();
  const rooms = new RoomManager({ store, limits: config.limits, metrics, logger });
  const collab = new CollabServer({ rooms, resolveAccess, limits: config.limits, metrics, logger });
  const app = createApp({ metrics, logger, isReady: () => db.open, clientDir: config.clientDir });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', collab.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      collab.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await rooms.unloadAll();
      await store.close();
      db.close();
      await stopped;
    })();
    return closing;
  };

  return { url: `http://${host}:${port}`, port, rooms, collab, db, close };
}
