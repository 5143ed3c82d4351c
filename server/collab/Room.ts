import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import { MessageType, SyncMessageType } from '../../shared/protocol/messageTypes.ts';
import type { Limits } from '../../shared/protocol/limits.ts';
import type { StoredDocument } from '../store/DocStore.ts';
import type { UpdateWriter } from './UpdateWriter.ts';
import type { CollabConnection } from './CollabConnection.ts';
import { AwarenessViolation, sanitiseAwarenessUpdate } from './awarenessGuard.ts';
import type { CollabMetrics } from '../metrics.ts';

/** Origin of changes the server itself makes (ballot projections, imports). */
export const serverOrigin = Symbol('server');

/**
 * Origin of changes that are already stored: another instance's updates (through Redis, or read back from the log
 * when catching up). They are shown to this instance's connections but neither stored again nor relayed onwards.
 */
export const storedOrigin = Symbol('stored');

/** How a room tells the other instances serving its document about what happened here (cluster mode). */
export interface RoomLink {
  /** An update this instance accepted and stored under `seq`. */
  publishUpdate(seq: number, update: Uint8Array): void;
  /** Presence changes of this instance's connections, as an encoded awareness update. */
  publishAwareness(update: Uint8Array): void;
}

export interface RoomDeps {
  writer: UpdateWriter;
  limits: Limits;
  metrics: CollabMetrics;
  /** Called after an update is persisted, with how many updates and bytes sit in the log since the snapshot. */
  onLogGrowth: (room: Room) => void;
  /** Called when a persistence failure has made the room unusable; the manager drops it without compacting. */
  onFailure: (room: Room, error: unknown) => void;
  /**
   * Called when a connection sends the first items of Yjs client ids nobody owns yet, so "what changed" can say who
   * wrote them. Not called for server-side changes.
   */
  onNewAuthors?: (room: Room, clientIds: number[], userId: string) => void;
  /** Who wrote each Yjs client id's items so far (client id → user id), as stored. */
  authors?: ReadonlyMap<number, string>;
  /** The other instances serving this document, when there are any (cluster mode). */
  link?: RoomLink;
}

/**
 * One loaded document and the connections editing it. Incoming updates are applied to the Y.Doc at once (so
 * later messages see them) but broadcast only after the writer has stored them.
 */
export class Room {
  readonly name: string;
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  /** Sequence number of the last stored update reflected in `doc`; compaction covers up to here. */
  lastSeq: number;
  /** Stored bytes (snapshot plus log); the document size limit is checked against this. */
  storedBytes: number;
  /** Updates stored since the last snapshot. */
  logCount: number;
  logBytes = 0;
  /** The sequence number the stored snapshot this room built on covers up to. */
  snapshotSeq: number;
  /** Sequence numbers of log rows (after the snapshot) that `doc` holds: what a compaction from here may delete. */
  readonly appliedSeqs: Set<number>;
  failed = false;
  readonly #deps: RoomDeps;
  /**
   * The whole document as a sync-step-2 message, kept until the next change: everyone opening the document
   * without a local copy (a board meeting starting, a first visit) gets the same bytes instead of a fresh
   * encoding of a possibly multi-megabyte document each.
   */
  #wholeStateMessage: Uint8Array | null = null;
  /** Who owns each Yjs client id's items: the stored authors, and those recorded since this room loaded. */
  readonly #authors: Map<number, string>;
  /** Client ids present through another instance, and which instance (cluster mode). */
  readonly #remotePresence = new Map<number, string>();

  constructor(name: string, stored: StoredDocument, deps: RoomDeps) {
    this.name = name;
    this.#deps = deps;
    this.#authors = new Map(deps.authors ?? []);
    this.lastSeq = stored.lastSeq;
    this.storedBytes = stored.bytes;
    this.logCount = stored.pendingCount;
    this.snapshotSeq = stored.snapshotSeq;
    this.appliedSeqs = new Set(stored.seqs);
    // The server takes no part in presence itself.
    this.awareness.setLocalState(null);
    Y.transact(this.doc, () => {
      for (const update of stored.updates) Y.applyUpdate(this.doc, update);
    });
    // A compacted document with nothing logged since is stored as exactly what a new client needs.
    if (stored.updates.length === 1 && stored.pendingCount === 0) {
      this.#wholeStateMessage = syncStep2Message(stored.updates[0]!);
    }
    this.doc.on('update', this.#handleDocUpdate);
    this.awareness.on('update', this.#handleAwarenessUpdate);
  }

  /** Adds a connection and sends it the server's state vector and everyone's presence. */
  join(connection: CollabConnection): void {
    this.connections.add(connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.Sync);
    encoding.writeVarUint(encoder, SyncMessageType.Step1);
    encoding.writeVarUint8Array(encoder, Y.encodeStateVector(this.doc));
    connection.send(encoding.toUint8Array(encoder));
    if (this.awareness.getStates().size > 0) {
      connection.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
    }
  }

  /** Removes a connection and its presence. Returns true when the room is now empty. */
  leave(connection: CollabConnection): boolean {
    if (!this.connections.delete(connection)) return this.connections.size === 0;
    if (connection.awarenessIds.size > 0) {
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], connection);
    }
    return this.connections.size === 0;
  }

  /** Handles one binary message from a connection; protocol violations close that connection only. */
  receive(connection: CollabConnection, message: Uint8Array): void {
    try {
      this.#dispatch(connection, message);
    } catch (error) {
      const tooLarge = error instanceof DocumentTooLarge;
      connection.close(
        tooLarge ? CloseCode.TooLarge : CloseCode.Malformed,
        tooLarge
          ? 'document size limit reached'
          : error instanceof AwarenessViolation || error instanceof AuthorshipViolation
            ? error.message
            : 'malformed message',
      );
    }
  }

  /**
   * The whole document encoded as one update. Encoding is cached until the next change; compaction and new
   * clients share it.
   */
  wholeState(): Uint8Array {
    const update = Y.encodeStateAsUpdate(this.doc);
    this.#wholeStateMessage = syncStep2Message(update);
    return update;
  }

  /**
   * Applies an update another instance stored (`seq` when known): this room's connections get it, nothing is stored.
   * Updates whose dependencies have not arrived wait inside Yjs until they do.
   */
  applyStored(update: Uint8Array, seq: number | null): void {
    if (seq !== null) this.appliedSeqs.add(seq);
    Y.applyUpdate(this.doc, update, storedOrigin);
  }

  /** Applies presence relayed from another instance, remembering which instance each client id is on. */
  applyRemoteAwareness(update: Uint8Array, instanceId: string): void {
    for (const { clientId, present } of awarenessEntries(update)) {
      if (present) this.#remotePresence.set(clientId, instanceId);
      else this.#remotePresence.delete(clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, storedOrigin);
  }

  /** Removes the presence of everyone on an instance that stopped answering. */
  dropInstancePresence(instanceId: string): void {
    const gone = [...this.#remotePresence].filter(([, on]) => on === instanceId).map(([clientId]) => clientId);
    for (const clientId of gone) this.#remotePresence.delete(clientId);
    if (gone.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, gone, storedOrigin);
  }

  /** The presence of this instance's own connections, encoded, or null when nobody here has any. */
  localAwareness(): Uint8Array | null {
    const ids = [...this.connections].flatMap((connection) => [...connection.awarenessIds]);
    const present = ids.filter((clientId) => this.awareness.getStates().has(clientId));
    return present.length > 0 ? awarenessProtocol.encodeAwarenessUpdate(this.awareness, present) : null;
  }

  /** Closes every connection with the given code (shutdown, failure, access change). */
  closeAll(code: number, reason: string): void {
    for (const connection of this.connections) connection.close(code, reason);
  }

  #dispatch(connection: CollabConnection, message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.Sync:
        this.#receiveSync(connection, decoder);
        break;
      case MessageType.Awareness:
        this.#receiveAwareness(connection, decoding.readVarUint8Array(decoder));
        break;
      case MessageType.QueryAwareness:
        connection.send(awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
        break;
      default:
        throw new Error(`unknown message type ${type}`);
    }
  }

  #receiveSync(connection: CollabConnection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder);
    if (syncType === SyncMessageType.Step1) {
      const stateVector = decoding.readVarUint8Array(decoder);
      // Validate now, while a bad vector can still close this connection with 4400.
      Y.decodeStateVector(stateVector);
      // Answer only once everything already accepted is stored, so a client never holds unstored server state.
      void this.#deps.writer.whenIdle().then(() => this.#answerStep1(connection, stateVector));
      return;
    }
    if (syncType !== SyncMessageType.Step2 && syncType !== SyncMessageType.Update) {
      throw new Error(`unknown sync message type ${syncType}`);
    }
    const update = decoding.readVarUint8Array(decoder);
    // Read-only connections are still synced to; what they send is dropped, not applied or relayed.
    if (!connection.access.canWrite || this.failed) return;
    if (this.storedBytes + update.byteLength > this.#deps.limits.maxDocumentBytes) throw new DocumentTooLarge();
    const authors = this.#newAuthors(connection, update);
    Y.applyUpdate(this.doc, update, connection);
    if (authors.length > 0) this.#deps.onNewAuthors?.(this, authors, connection.access.user.id);
  }

  /**
   * Client ids whose items in `update` are new to the document and have no author yet; the first person to write under
   * a client id becomes its author. Items the doc already holds (an offline copy syncing someone else's edits) are no
   * claim. New items under a client id that belongs to someone else — a stored author, or another person's live
   * presence (y-websocket clients use their doc's client id for presence) — would put words in their mouth: refused.
   */
  #newAuthors(connection: CollabConnection, update: Uint8Array): number[] {
    const userId = connection.access.user.id;
    const fresh: number[] = [];
    for (const [client, endClock] of Y.parseUpdateMeta(update).to) {
      if (endClock <= Y.getState(this.doc.store, client)) continue;
      const owner = this.#authors.get(client) ?? this.#presenceOwner(client);
      if (owner !== undefined && owner !== userId) {
        throw new AuthorshipViolation(`edits under client id ${client} belong to someone else`);
      }
      if (this.#authors.has(client)) continue;
      this.#authors.set(client, userId);
      fresh.push(client);
    }
    return fresh;
  }

  /** The person whose live connection (here or on another instance) announced presence under this client id. */
  #presenceOwner(clientId: number): string | undefined {
    for (const connection of this.connections) {
      if (connection.awarenessIds.has(clientId)) return connection.access.user.id;
    }
    if (!this.#remotePresence.has(clientId)) return undefined;
    // The other instance wrote its connection's identity into the state (see awarenessGuard), so it can be read back.
    const state = this.awareness.getStates().get(clientId) as { user?: { id?: unknown } } | undefined;
    return typeof state?.user?.id === 'string' ? state.user.id : undefined;
  }

  #answerStep1(connection: CollabConnection, stateVector: Uint8Array): void {
    try {
      if (Y.decodeStateVector(stateVector).size === 0) {
        this.#wholeStateMessage ??= syncStep2Message(Y.encodeStateAsUpdate(this.doc));
        connection.send(this.#wholeStateMessage);
      } else {
        connection.send(syncStep2Message(Y.encodeStateAsUpdate(this.doc, stateVector)));
      }
    } catch {
      connection.close(CloseCode.Malformed, 'malformed state vector');
    }
  }

  #receiveAwareness(connection: CollabConnection, update: Uint8Array): void {
    const sanitised = sanitiseAwarenessUpdate(update, {
      owned: connection.awarenessIds,
      isOwnedByOther: (clientId) => this.#isOwnedByOther(connection, clientId),
      clockOf: (clientId) => this.awareness.meta.get(clientId)?.clock ?? 0,
      user: connection.access.user,
    });
    if (sanitised) awarenessProtocol.applyAwarenessUpdate(this.awareness, sanitised, connection);
  }

  /**
   * Whether the client id belongs to someone else's live connection. Presence relayed from another instance belongs
   * to whoever it names: when that is this connection's own person — they were on an instance that died and have
   * reconnected here under the same id, as y-websocket keeps its doc's id — their next state (a newer clock; echoes
   * never are) is theirs to publish, instead of a forgery to refuse with 4400 until the dead instance's heartbeats
   * run out.
   */
  #isOwnedByOther(connection: CollabConnection, clientId: number): boolean {
    if (this.#remotePresence.has(clientId)) return this.#presenceOwner(clientId) !== connection.access.user.id;
    for (const other of this.connections) {
      if (other !== connection && other.awarenessIds.has(clientId)) return true;
    }
    return false;
  }

  readonly #handleDocUpdate = (update: Uint8Array, origin: unknown): void => {
    this.#wholeStateMessage = null;
    this.storedBytes += update.byteLength;
    this.#deps.metrics.updatesApplied.inc();
    if (origin === storedOrigin) {
      // Already durable (another instance stored it): show it here, and count it towards the next compaction.
      this.logCount += 1;
      this.logBytes += update.byteLength;
      this.#broadcast(syncUpdateMessage(update), null);
      this.#deps.onLogGrowth(this);
      return;
    }
    this.#deps.writer.enqueue(this.name, update).then(
      (seq) => {
        this.lastSeq = Math.max(this.lastSeq, seq);
        this.appliedSeqs.add(seq);
        this.logCount += 1;
        this.logBytes += update.byteLength;
        this.#deps.link?.publishUpdate(seq, update);
        this.#broadcast(syncUpdateMessage(update), origin);
        this.#deps.onLogGrowth(this);
      },
      (error: unknown) => {
        if (this.failed) return;
        this.failed = true;
        this.#deps.onFailure(this, error);
      },
    );
  };

  readonly #handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed);
    if (changed.length === 0) return;
    for (const clientId of removed) this.#remotePresence.delete(clientId);
    // A state a connection here published is this instance's now, even if it was relayed from another before.
    if (origin !== storedOrigin && origin !== 'timeout') {
      for (const clientId of added.concat(updated)) this.#remotePresence.delete(clientId);
    }
    const message = awarenessMessage(this.awareness, changed);
    this.#broadcast(message, null);
    // Only this instance's connections' presence is relayed; each instance times out stale states on its own.
    if (this.#deps.link && origin !== storedOrigin && origin !== 'timeout') {
      this.#deps.link.publishAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
    }
  };

  #broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(message);
    }
  }
}

class DocumentTooLarge extends Error {}

/** New edits sent under a Yjs client id that belongs to another person. */
class AuthorshipViolation extends Error {}

function syncStep2Message(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Step2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

function syncUpdateMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncMessageType.Update);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The client ids an encoded awareness update speaks for, and whether each is present or leaving. */
function awarenessEntries(update: Uint8Array): { clientId: number; present: boolean }[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: { clientId: number; present: boolean }[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    decoding.readVarUint(decoder); // clock
    entries.push({ clientId, present: JSON.parse(decoding.readVarString(decoder)) !== null });
  }
  return entries;
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}
