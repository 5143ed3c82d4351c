import path from 'node:path';
import { Server, type Extension } from '@hocuspocus/server';
import { SQLite } from '@hocuspocus/extension-sqlite';
import { announceReady, readLauncherEnv } from './launcherEnv.ts';

// Anchor: @hocuspocus/server with its defaults (2 s store debounce, 10 s max). With BENCH_PERSISTENCE=sqlite the
// official SQLite extension stores the whole document on each debounced store; without it nothing is persisted.
const env = readLauncherEnv(process.env);
const persist = process.env.BENCH_PERSISTENCE === 'sqlite';
// extension-sqlite 3.4.4 pulls its own @hocuspocus/server 3.4.4 for types only (its code never imports it), so its
// Extension type differs from 3.4.3's in name only; the cast bridges that version skew, not a shape difference.
const sqlite = (): Extension =>
  new SQLite({ database: path.join(env.dataDir, 'hocuspocus.sqlite') }) as unknown as Extension;
const server = new Server({
  port: env.port,
  address: '127.0.0.1',
  quiet: true,
  // Hocuspocus stops itself on SIGINT/SIGTERM (stopOnSignals defaults to true), storing pending documents.
  extensions: persist ? [sqlite()] : [],
});
await server.listen();
announceReady(server.address.port);
