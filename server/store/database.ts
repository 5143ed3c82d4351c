import fs from 'node:fs';
import path from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';

/**
 * Opens (creating if needed) the server's SQLite file under `dataDir`, tuned for an append-heavy workload:
 * WAL so readers never block the writer, and synchronous=NORMAL, which in WAL mode keeps every committed
 * transaction across a process crash (only an operating-system crash or power loss can drop the last commits).
 * Pass ':memory:' for tests that need no file.
 */
export function openDatabase(dataDir: string): Database {
  if (dataDir === ':memory:') return new BetterSqlite3(':memory:');
  fs.mkdirSync(dataDir, { recursive: true });
  const db = new BetterSqlite3(path.join(dataDir, 'common-ground.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
