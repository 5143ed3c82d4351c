import { hocuspocusWire, yWebsocketWire, type Wire } from '../wire.ts';
import { benchAdminCredentials, openCommonGroundRooms } from './commonGroundRooms.ts';
import { openRoomDirectory, type RoomDirectory } from './roomDirectory.ts';

/** The servers compared in one run, ours first. */
export const serverIds = ['ours', 'ours-postgres', 'hocuspocus', 'hocuspocus-sqlite', 'y-websocket'] as const;
export type ServerId = (typeof serverIds)[number];

/** How to start one server under test and how clients reach a document on it. */
export interface ServerKind {
  id: ServerId;
  label: string;
  /** One line on what it stores and when, for the report. */
  persistence: string;
  wire: Wire;
  /** Entry script, relative to the repository root, run as `node --import tsx <entry>`. */
  entry: string;
  /** Environment beyond PORT and DATA_DIR. */
  env: Record<string, string>;
  /** Stores in a PostgreSQL database of its own, created before it starts and dropped when it stops. */
  postgres?: boolean;
  /** Called once the server is ready: how the bench reaches its rooms. */
  openRooms(port: number): Promise<RoomDirectory>;
}

/** A per-connection message budget far above anything the bench sends, so our rate limiter never throttles it. */
const unthrottledMessagesPerSecond = '1000000';
const admin = benchAdminCredentials();

const ours: ServerKind = {
  id: 'ours',
  label: 'Common Ground',
  persistence: 'SQLite (WAL), every update appended before it is broadcast',
  wire: yWebsocketWire,
  entry: 'server/main.ts',
  env: {
    HOST: '127.0.0.1',
    MESSAGES_PER_SECOND: unthrottledMessagesPerSecond,
    ADMIN_EMAIL: admin.email,
    ADMIN_PASSWORD: admin.password,
    // The bench measures the sync server; the demo partnership would only add a document nobody opens.
    SEED_DEMO: 'false',
  },
  openRooms: (port) => openCommonGroundRooms(port, admin),
};

const oursOnPostgres: ServerKind = {
  ...ours,
  id: 'ours-postgres',
  label: 'Common Ground on PostgreSQL',
  persistence: 'PostgreSQL (local, synchronous commit), every update committed before it is broadcast',
  postgres: true,
};

const hocuspocus: ServerKind = {
  id: 'hocuspocus',
  label: '@hocuspocus/server 3.4.3',
  persistence: 'none (in memory)',
  wire: hocuspocusWire,
  entry: 'bench/servers/hocuspocusServer.ts',
  env: {},
  // Hocuspocus multiplexes documents over one socket; the path is not used.
  openRooms: (port) => Promise.resolve(openRoomDirectory((atPort) => `ws://127.0.0.1:${atPort}/`, port)),
};

const hocuspocusSqlite: ServerKind = {
  ...hocuspocus,
  id: 'hocuspocus-sqlite',
  label: '@hocuspocus/server 3.4.3 + extension-sqlite 3.4.4',
  persistence: 'SQLite, whole document stored 2 s after the last change (at most 10 s late)',
  env: { BENCH_PERSISTENCE: 'sqlite' },
};

const yWebsocket: ServerKind = {
  id: 'y-websocket',
  label: '@y/websocket-server 0.1.1',
  persistence: 'none (in memory)',
  wire: yWebsocketWire,
  entry: 'bench/servers/yWebsocketServer.ts',
  env: {},
  openRooms: (port) =>
    Promise.resolve(
      openRoomDirectory((atPort, docName) => `ws://127.0.0.1:${atPort}/${encodeURIComponent(docName)}`, port),
    ),
};

/** Every server kind by id. */
export const serverKinds: Record<ServerId, ServerKind> = {
  ours,
  'ours-postgres': oursOnPostgres,
  hocuspocus,
  'hocuspocus-sqlite': hocuspocusSqlite,
  'y-websocket': yWebsocket,
};
