import type { Logger } from '../logger.ts';
import type { Room, RoomLink } from '../collab/Room.ts';
import type { RoomCluster, RoomManager } from '../collab/RoomManager.ts';
import type { ClusterBus } from './ClusterBus.ts';
import type { DocMessage } from './clusterMessages.ts';

/** How long a load waits for its channel subscription before reading storage anyway (the catch-up covers the gap). */
const subscribeWaitMs = 1_000;

/**
 * Keeps the rooms of one instance in step with the same documents on the others:
 * - the fast path: each update this instance stores, and each presence change of its connections, is published on
 *   the document's channel; other instances apply what they hear to their copy and show it to their connections;
 * - the path that needs no luck: every `catchUpMs`, and whenever Redis comes back, each instance reads the log's
 *   index for its loaded documents from the database and applies what it has not seen (see `RoomManager.catchUp`).
 *   Every update is committed before anyone is told of it, so the database always holds everything.
 * Presence is not stored: it is re-announced when a room loads or Redis returns, and an instance that stops
 * beating takes its people's presence with it.
 */
export class ClusterRooms implements RoomCluster {
  readonly #bus: ClusterBus;
  readonly #logger: Logger;
  readonly #rooms = new Map<string, Room>();
  /** Messages heard for documents still loading, applied in order once the room exists. */
  readonly #early = new Map<string, DocMessage[]>();
  readonly #catchUpTimer: NodeJS.Timeout;
  #manager: RoomManager | null = null;
  #catchingUp: Promise<void> | null = null;

  constructor(bus: ClusterBus, options: { catchUpMs: number; logger: Logger }) {
    this.#bus = bus;
    this.#logger = options.logger;
    bus.onDocMessage((docName, message) => this.#receive(docName, message));
    bus.onInstanceGone((instanceId) => {
      for (const room of this.#rooms.values()) room.dropInstancePresence(instanceId);
    });
    bus.onReconnect(() => {
      void this.catchUp();
      for (const name of this.#rooms.keys()) bus.publishDoc(name, { kind: 'query' });
    });
    this.#catchUpTimer = setInterval(() => void this.catchUp(), options.catchUpMs);
    this.#catchUpTimer.unref();
  }

  /** The manager whose rooms this keeps in step (it is built with this as its cluster, hence the late binding). */
  attach(manager: RoomManager): void {
    this.#manager = manager;
  }

  async beforeLoad(name: string): Promise<void> {
    this.#early.set(name, []);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.#bus.subscribeDoc(name),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, subscribeWaitMs))),
    ]);
    clearTimeout(timer);
  }

  linkFor(name: string): RoomLink {
    return {
      publishUpdate: (seq, update) => this.#bus.publishDoc(name, { kind: 'update', seq, update }),
      publishAwareness: (update) => this.#bus.publishDoc(name, { kind: 'awareness', update }),
    };
  }

  loaded(room: Room): void {
    this.#rooms.set(room.name, room);
    const early = this.#early.get(room.name) ?? [];
    this.#early.delete(room.name);
    for (const message of early) this.#apply(room, message);
    this.#bus.publishDoc(room.name, { kind: 'query' });
  }

  unloaded(name: string): void {
    this.#rooms.delete(name);
    this.#early.delete(name);
    this.#bus.unsubscribeDoc(name);
  }

  /** Reads back from the database whatever Redis did not deliver; one pass at a time. */
  catchUp(): Promise<void> {
    if (!this.#manager) return Promise.resolve();
    this.#catchingUp ??= this.#manager
      .catchUp()
      .catch((error: unknown) => this.#logger.warn('catching up from the database failed', { error: String(error) }))
      .finally(() => (this.#catchingUp = null));
    return this.#catchingUp;
  }

  close(): void {
    clearInterval(this.#catchUpTimer);
  }

  #receive(docName: string, message: DocMessage): void {
    const room = this.#rooms.get(docName);
    if (room) {
      this.#apply(room, message);
      return;
    }
    this.#early.get(docName)?.push(message);
  }

  #apply(room: Room, message: DocMessage): void {
    if (room.failed) return;
    try {
      switch (message.kind) {
        case 'update':
          room.applyStored(message.update, message.seq);
          break;
        case 'awareness':
          room.applyRemoteAwareness(message.update, message.from);
          break;
        case 'query': {
          const presence = room.localAwareness();
          if (presence) this.#bus.publishDoc(room.name, { kind: 'awareness', update: presence });
          break;
        }
      }
    } catch (error) {
      // Another instance's bytes that Yjs cannot read: dropped here; the catch-up reads the stored update instead.
      this.#logger.warn('dropped an unreadable message from another instance', {
        doc: room.name,
        kind: message.kind,
        error: String(error),
      });
    }
  }
}
