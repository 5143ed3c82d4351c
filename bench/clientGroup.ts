import { LoadClient } from './loadClient.ts';
import type { ServerProcess } from './serverProcess.ts';
import type { RoomDirectory } from './servers/roomDirectory.ts';
import { waitUntil } from './waitFor.ts';

/** Clients spread over rooms (one document per room), all connected to one server. */
export interface ClientGroup {
  rooms: LoadClient[][];
  all: LoadClient[];
  /** performance.now() just before the first socket was opened. */
  startedAt: number;
}

export interface ClientGroupOptions {
  roomCount: number;
  clientsPerRoom: number;
  /** Distinguishes the rooms of different scenarios; room keys are `<prefix>-<index>`. */
  docPrefix: string;
  onEditReceived?: (editId: number, receivedAt: number, instance: number) => void;
  /**
   * The same rooms on several instances of one cluster: the clients of each room are spread over them round-robin
   * (client i of room r on instance (r + i) mod n). Without it every client connects to `server`.
   */
  instances?: readonly RoomDirectory[];
}

/** Room keys of a group, `<prefix>-<index>`. */
export function roomKeys(options: Pick<ClientGroupOptions, 'roomCount' | 'docPrefix'>): string[] {
  return Array.from({ length: options.roomCount }, (_unused, room) => `${options.docPrefix}-${room}`);
}

/**
 * Prepares the rooms, then opens every client's socket at once (no pacing: that is what the storm scenario
 * measures). `startedAt` is taken after the rooms are prepared.
 */
export async function openClientGroup(
  server: Pick<ServerProcess, 'rooms' | 'kind'>,
  options: ClientGroupOptions,
): Promise<ClientGroup> {
  const keys = roomKeys(options);
  await server.rooms.prepare(keys);
  const instances = options.instances ?? [server.rooms];
  const startedAt = performance.now();
  const rooms: LoadClient[][] = [];
  for (const [roomIndex, key] of keys.entries()) {
    const docName = server.rooms.docName(key);
    const clients: LoadClient[] = [];
    for (let index = 0; index < options.clientsPerRoom; index++) {
      const instance = (roomIndex + index) % instances.length;
      clients.push(
        new LoadClient({
          url: instances[instance]!.socketUrl(docName),
          docName,
          wire: server.kind.wire,
          name: `bench ${key}.${index}`,
          onEditReceived: options.onEditReceived,
          instance,
        }),
      );
    }
    rooms.push(clients);
  }
  return { rooms, all: rooms.flat(), startedAt };
}

/** Waits (bounded) until every client has had its first sync step 2; resolves how many have. */
export async function waitForSync(clients: readonly LoadClient[], timeoutMs: number): Promise<number> {
  await waitUntil(() => clients.every((client) => client.isSynced || client.closeCode !== null), timeoutMs, 5);
  return clients.filter((client) => client.isSynced).length;
}

/** Closes every client of the group. */
export function closeClientGroup(group: ClientGroup): void {
  for (const client of group.all) client.close();
}

/** Clients that are connected and synced, i.e. that an edit in their room is owed to. */
export function liveCount(clients: readonly LoadClient[]): number {
  let live = 0;
  for (const client of clients) if (client.isSynced && client.closeCode === null) live++;
  return live;
}
