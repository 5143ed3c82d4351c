import * as Y from 'yjs';
import type { DocStore } from '../store/DocStore.ts';
import type { Limits } from '../../shared/protocol/limits.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import type { CollabMetrics } from '../metrics.ts';
import type { Logger } from '../logger.ts';
import { Room, serverOrigin, type RoomLink } from './Room.ts';
import { UpdateWriter } from './UpdateWriter.ts';

/** Compact a loaded document's log once it holds this many updates or bytes since the snapshot. */
const compactAfterUpdates = 1_000;
const compactAfterBytes = 8 * 1024 * 1024;

export interface RoomManagerDeps {
  store: DocStore;
  limits: Limits;
  metrics: CollabMetrics;
  logger: Logger;
  /** Called once per load with the room's doc, to attach server-side observers (e.g. name mirroring). */
  onRoomLoaded?: (name: string, doc: Y.Doc) => void;
  /** Records who wrote a Yjs client id's items in a document (see `RoomDeps.onNewAuthors`). */
  recordAuthors?: (name: string, clientIds: number[], userId: string) => void;
  /** The stored authors of a document's Yjs client ids, read once per load (see `RoomDeps.authors`). */
  loadAuthors?: (name: string) => Promise<ReadonlyMap<number, string>>;
  /** The other instances serving the same documents (cluster mode); absent on a single instance. */
  cluster?: RoomCluster;
}

/** What the room manager needs from the cluster layer: a link per room, and notice of loads and unloads. */
export interface RoomCluster {
  /** Called before a document is read from storage, so nothing published meanwhile is missed. */
  beforeLoad(name: string): Promise<void>;
  linkFor(name: string): RoomLink;
  loaded(room: Room): void;
  unloaded(name: string): void;
}

/**
 * Loads each document once (concurrent joins share one load), keeps it while anyone holds it, and unloads it
 * only after it has been empty for the grace period and everything it accepted is stored and compacted.
 */
export class RoomManager {
  readonly writer: UpdateWriter;
  readonly #deps: RoomManagerDeps;
  readonly #rooms = new Map<string, Promise<Room>>();
  readonly #holders = new Map<string, number>();
  readonly #unloadTimers = new Map<string, NodeJS.Timeout>();
  readonly #unloading = new Map<string, Promise<void>>();
  readonly #compacting = new Set<string>();
  /** Rooms whose load has finished, by name (`#rooms` also holds loads in progress). */
  readonly #ready = new Map<string, Room>();

  constructor(deps: RoomManagerDeps) {
    this.#deps = deps;
    this.writer = new UpdateWriter(deps.store, (bytes) => deps.metrics.bytesPersisted.inc(bytes));
  }

  /** Number of documents currently in memory. */
  get loadedCount(): number {
    return this.#rooms.size;
  }

  /**
   * Loads the document (or waits for the load in progress) and counts one holder; the room is kept until every
   * holder has called `release`. Resolves only when the stored state is in memory.
   */
  async acquire(name: string): Promise<Room> {
    this.#holders.set(name, (this.#holders.get(name) ?? 0) + 1);
    clearTimeout(this.#unloadTimers.get(name));
    this.#unloadTimers.delete(name);
    try {
      await this.#unloading.get(name);
      let loading = this.#rooms.get(name);
      if (!loading) {
        const started = this.#load(name);
        // A failed load must not stay cached: the next join tries again.
        started.catch(() => {
          if (this.#rooms.get(name) === started) this.#rooms.delete(name);
        });
        this.#rooms.set(name, started);
        loading = started;
      }
      return await loading;
    } catch (error) {
      this.release(name);
      throw error;
    }
  }

  /** Drops one hold; when none are left the room unloads after the grace period. */
  release(name: string): void {
    const remaining = (this.#holders.get(name) ?? 1) - 1;
    if (remaining > 0) {
      this.#holders.set(name, remaining);
      return;
    }
    this.#holders.delete(name);
    clearTimeout(this.#unloadTimers.get(name));
    this.#unloadTimers.set(
      name,
      setTimeout(() => void this.#unload(name), this.#deps.limits.roomGraceMs),
    );
  }

  /**
   * Changes a document on behalf of the server (projections, imports). The change is stored and broadcast like
   * a client's; resolves once it is durable.
   */
  async transact(name: string, change: (doc: Y.Doc) => void): Promise<void> {
    const room = await this.acquire(name);
    try {
      Y.transact(room.doc, () => change(room.doc), serverOrigin);
      await this.writer.whenIdle();
    } finally {
      this.release(name);
    }
  }

  /** Stores and unloads every room now; used at shutdown after sockets are closed. */
  async unloadAll(): Promise<void> {
    for (const timer of this.#unloadTimers.values()) clearTimeout(timer);
    this.#unloadTimers.clear();
    await Promise.all([...this.#rooms.keys()].map((name) => this.#unload(name, true)));
    await Promise.all(this.#unloading.values());
  }

  /** The rooms loaded and ready now. */
  loadedRooms(): Room[] {
    return [...this.#ready.values()];
  }

  /**
   * Brings every loaded room up to date with what other instances stored: the log in the database is the truth, so
   * whatever Redis lost (an outage, a message dropped, an instance killed between storing and publishing) is read
   * back from it. Runs periodically and whenever the connection to Redis comes back (cluster mode).
   */
  async catchUp(): Promise<void> {
    const rooms = this.loadedRooms().filter((room) => !room.failed);
    if (rooms.length === 0) return;
    const index = await this.#deps.store.logIndex(rooms.map((room) => room.name));
    for (const room of rooms) {
      const log = index.get(room.name);
      if (!log || this.#ready.get(room.name) !== room) continue;
      if (log.snapshotSeq > room.snapshotSeq) {
        const snapshot = await this.#deps.store.readSnapshot(room.name);
        if (this.#ready.get(room.name) !== room) continue;
        if (snapshot && snapshot.seq > room.snapshotSeq) {
          room.applyStored(snapshot.update, null);
          room.snapshotSeq = snapshot.seq;
          this.#deps.metrics.catchUpApplied.inc({ kind: 'snapshot' });
        }
      }
      const kept = new Set(log.seqs);
      for (const seq of room.appliedSeqs) {
        if (seq <= log.snapshotSeq && !kept.has(seq)) room.appliedSeqs.delete(seq);
      }
      const missing = log.seqs.filter((seq) => !room.appliedSeqs.has(seq));
      if (missing.length === 0) continue;
      const rows = await this.#deps.store.readUpdates(room.name, missing);
      // The room may have unloaded while the rows were read: its doc is gone, and the next load reads them anyway.
      if (this.#ready.get(room.name) !== room) continue;
      for (const { seq, update } of rows) room.applyStored(update, seq);
      this.#deps.metrics.catchUpApplied.inc({ kind: 'update' }, missing.length);
    }
  }

  async #load(name: string): Promise<Room> {
    await this.#deps.cluster?.beforeLoad(name);
    const [stored, authors] = await Promise.all([this.#deps.store.load(name), this.#deps.loadAuthors?.(name)]);
    const room = new Room(name, stored, {
      link: this.#deps.cluster?.linkFor(name),
      authors,
      writer: this.writer,
      limits: this.#deps.limits,
      metrics: this.#deps.metrics,
      onLogGrowth: (grown) => this.#maybeCompact(grown),
      onFailure: (failed, error) => this.#fail(failed, error),
      onNewAuthors: (loaded, clientIds, userId) => this.#deps.recordAuthors?.(loaded.name, clientIds, userId),
    });
    this.#deps.metrics.loadedDocs.set(this.#rooms.size);
    this.#ready.set(name, room);
    this.#deps.cluster?.loaded(room);
    this.#deps.onRoomLoaded?.(name, room.doc);
    return room;
  }

  #unload(name: string, force = false): Promise<void> {
    this.#unloadTimers.delete(name);
    const existing = this.#unloading.get(name);
    if (existing) return existing;
    const loading = this.#rooms.get(name);
    if (!loading || (!force && this.#holders.has(name))) return Promise.resolve();
    const unloading = (async () => {
      try {
        const room = await loading;
        await this.writer.whenIdle();
        if (!room.failed) await this.#compact(room);
        room.awareness.destroy();
        room.doc.destroy();
      } catch (error) {
        this.#deps.logger.error('room unload failed', { room: name, error });
      } finally {
        this.#rooms.delete(name);
        this.#ready.delete(name);
        this.#deps.cluster?.unloaded(name);
        this.#unloading.delete(name);
        this.#deps.metrics.loadedDocs.set(this.#rooms.size);
      }
    })();
    this.#unloading.set(name, unloading);
    return unloading;
  }

  #maybeCompact(room: Room): void {
    if (room.logCount < compactAfterUpdates && room.logBytes < compactAfterBytes) return;
    if (this.#compacting.has(room.name)) return;
    this.#compacting.add(room.name);
    void this.writer
      .whenIdle()
      .then(() => (room.failed ? undefined : this.#compact(room)))
      .catch((error: unknown) => this.#deps.logger.error('compaction failed', { room: room.name, error }))
      .finally(() => this.#compacting.delete(room.name));
  }

  async #compact(room: Room): Promise<void> {
    // Taken with the writer idle. The snapshot holds every row in `appliedSeqs` (and perhaps more, which stays in the
    // log too); only those rows are deleted, and only while the stored snapshot is the one this room built on, so a
    // row another instance stored that this one has not applied yet is never lost.
    const snapshot = room.wholeState();
    const coveredSeqs = [...room.appliedSeqs];
    const basedOnSnapshotSeq = room.snapshotSeq;
    const upToSeq = coveredSeqs.reduce((highest, seq) => Math.max(highest, seq), basedOnSnapshotSeq);
    if (upToSeq === 0 && snapshot.byteLength <= 2) return;
    const compacted = await this.#deps.store.compact(room.name, snapshot, upToSeq, {
      basedOnSnapshotSeq,
      coveredSeqs,
    });
    if (!compacted) return;
    room.snapshotSeq = upToSeq;
    for (const seq of coveredSeqs) room.appliedSeqs.delete(seq);
    room.logCount = room.appliedSeqs.size;
    room.logBytes = 0;
    room.storedBytes = snapshot.byteLength;
  }

  #fail(room: Room, error: unknown): void {
    // Clients keep their edits and send them again on reconnect; the unstored state in memory is dropped.
    this.#deps.logger.error('storing an update failed; closing the room', { room: room.name, error });
    room.closeAll(CloseCode.InternalError, 'the server could not save; reconnecting');
    void this.#unload(room.name, true);
  }
}
