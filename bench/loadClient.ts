import WebSocket from 'ws';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { WireMessage, type Wire } from './wire.ts';

/** Transaction origin of everything a client receives from the server. */
const remoteOrigin = Symbol('remote');
/** Name of the shared map every edit goes into: one key per client, the value is the edit id. */
const editMapName = 'bench';
/** Name of the shared text used by the big-document scenario. */
export const textName = 'text';

export interface LoadClientOptions {
  url: string;
  docName: string;
  wire: Wire;
  /** Display name put in the client's presence. */
  name: string;
  /**
   * Called when an edit made by another client arrives: its id, the arrival time (performance.now()) and the
   * receiving client's `instance`.
   */
  onEditReceived?: (editId: number, receivedAt: number, instance: number) => void;
  /** Which of several server instances `url` points at (0 when there is one); tags sends and deliveries. */
  instance?: number;
  /**
   * Keep the first sync step 2 (the server's copy of the document) instead of applying it, so that timing a join
   * measures the server sending the document, not this one process decoding it for many clients in turn.
   */
  holdFirstSyncStep2?: boolean;
}

/**
 * One simulated person: a real Y.Doc and Awareness speaking the y-websocket protocol over a raw `ws` socket,
 * the way a browser's WebsocketProvider does (sync step 1/2, updates, presence), minus reconnection.
 */
export class LoadClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** performance.now() when the socket opened and when the first sync step 2 arrived; the close code once closed. */
  openedAt: number | null = null;
  syncedAt: number | null = null;
  closeCode: number | null = null;
  /** Which instance the socket is (or was last) connected to; changes on `reconnect`. */
  instance: number;
  /** performance.now() when the sync step 2 after the latest `reconnect` arrived (null: not since). */
  resyncedAt: number | null = null;
  readonly #options: LoadClientOptions;
  #socket: WebSocket;
  #reconnecting = false;
  readonly #edits: Y.Map<number>;
  readonly #key: string;
  #closedByUs = false;
  #heldUpdate: Uint8Array | null = null;

  constructor(options: LoadClientOptions) {
    this.#options = options;
    this.#edits = this.doc.getMap<number>(editMapName);
    this.#key = String(this.doc.clientID);
    this.instance = options.instance ?? 0;
    this.#socket = this.#connect(options.url);
    this.awareness.on('update', this.#handleAwarenessUpdate);
    if (options.onEditReceived) this.#edits.observe(this.#handleEditEvent);
  }

  #connect(url: string): WebSocket {
    const socket = new WebSocket(url, { perMessageDeflate: false, handshakeTimeout: 30_000 });
    socket.binaryType = 'nodebuffer';
    socket.on('open', this.#handleOpen);
    socket.on('message', this.#handleMessage);
    socket.on('close', (code: number) => {
      if (socket !== this.#socket) return;
      this.closeCode = code;
      // A client that may reconnect keeps its presence state (as a provider does); `close` frees it.
      if (!this.#reconnecting) this.awareness.destroy();
    });
    // A refused or reset socket shows up as a close code; the error itself needs no handling here.
    socket.on('error', () => {});
    return socket;
  }

  /** Keeps presence alive across a dropped socket, so that `reconnect` can resume it (see the failover bench). */
  keepAcrossDrops(): void {
    this.#reconnecting = true;
  }

  /**
   * Opens a new socket to `url` (instance `instance`) with the same document, as a provider does after a drop: sync
   * step 1 with the local state vector, so the server sends what this client missed and asks for what it lacks.
   */
  reconnect(url: string, instance: number): void {
    if (this.#socket.readyState === WebSocket.OPEN || this.#socket.readyState === WebSocket.CONNECTING) {
      this.#socket.terminate();
    }
    this.instance = instance;
    this.closeCode = null;
    this.resyncedAt = null;
    this.#socket = this.#connect(url);
  }

  /** True while the socket is open. */
  get isOpen(): boolean {
    return this.#socket.readyState === WebSocket.OPEN;
  }

  get isSynced(): boolean {
    return this.syncedAt !== null;
  }

  /** True when the socket closed without us asking (refused, kicked, server gone). */
  get droppedUnexpectedly(): boolean {
    return this.closeCode !== null && !this.#closedByUs;
  }

  /** Makes one edit: sets this client's key in the shared map to `editId`, and sends it. */
  edit(editId: number): void {
    // Listening to the doc's updates only around our own edits spares Yjs encoding every update this client
    // receives (a provider listens all the time and drops those by origin); that work is the load generator's
    // main cost, and the servers see exactly the same messages either way.
    this.doc.once('update', this.#sendUpdate);
    this.#edits.set(this.#key, editId);
  }

  /** Applies an update as if made here (e.g. pasted content) and sends it to the server. */
  applyLocalUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update);
    this.#sendUpdate(update);
  }

  /** The document held back by `holdFirstSyncStep2`, until applied. */
  get heldUpdate(): Uint8Array | null {
    return this.#heldUpdate;
  }

  /** Applies the document held back by `holdFirstSyncStep2`, if any. */
  applyHeldUpdate(): void {
    if (this.#heldUpdate) Y.applyUpdate(this.doc, this.#heldUpdate, remoteOrigin);
    this.#heldUpdate = null;
  }

  /** Closes the socket and frees the document. */
  close(): void {
    this.#closedByUs = true;
    this.#reconnecting = false;
    this.awareness.destroy();
    if (this.#socket.readyState === WebSocket.OPEN || this.#socket.readyState === WebSocket.CONNECTING) {
      this.#socket.terminate();
    }
    this.doc.destroy();
  }

  #send(message: Uint8Array): void {
    if (this.#socket.readyState === WebSocket.OPEN) this.#socket.send(message);
  }

  readonly #handleOpen = (): void => {
    this.openedAt = performance.now();
    const { wire, docName, name } = this.#options;
    for (const message of wire.openingMessages(docName)) this.#send(message);
    const step1 = wire.begin(docName, WireMessage.Sync);
    syncProtocol.writeSyncStep1(step1, this.doc);
    this.#send(encoding.toUint8Array(step1));
    this.awareness.setLocalState({ user: { name } });
  };

  readonly #handleMessage = (data: Buffer): void => {
    const { wire, docName } = this.#options;
    const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
    const kind = wire.read(decoder);
    if (kind === 'sync' && this.#options.holdFirstSyncStep2 && this.syncedAt === null) {
      const peek = decoding.clone(decoder);
      if (decoding.readVarUint(peek) === syncProtocol.messageYjsSyncStep2) {
        this.#heldUpdate = decoding.readVarUint8Array(peek);
        this.syncedAt = performance.now();
        return;
      }
    }
    if (kind === 'sync') {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const reply = wire.begin(docName, WireMessage.Sync);
        syncProtocol.writeSyncStep2(reply, this.doc, decoding.readVarUint8Array(decoder));
        this.#send(encoding.toUint8Array(reply));
        return;
      }
      if (syncType !== syncProtocol.messageYjsSyncStep2 && syncType !== syncProtocol.messageYjsUpdate) return;
      // Step 2 and updates carry an update to apply and need no reply.
      syncProtocol.readUpdate(decoder, this.doc, remoteOrigin);
      if (syncType === syncProtocol.messageYjsSyncStep2) {
        if (this.syncedAt === null) this.syncedAt = performance.now();
        if (this.resyncedAt === null) this.resyncedAt = performance.now();
      }
    } else if (kind === 'awareness') {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), remoteOrigin);
    } else if (kind === 'query-awareness') {
      this.#sendAwareness([...this.awareness.getStates().keys()]);
    }
  };

  readonly #sendUpdate = (update: Uint8Array): void => {
    const message = this.#options.wire.begin(this.#options.docName, WireMessage.Sync);
    syncProtocol.writeUpdate(message, update);
    this.#send(encoding.toUint8Array(message));
  };

  readonly #handleAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    if (origin === remoteOrigin) return;
    this.#sendAwareness(added.concat(updated, removed));
  };

  #sendAwareness(clients: number[]): void {
    const message = this.#options.wire.begin(this.#options.docName, WireMessage.Awareness);
    encoding.writeVarUint8Array(message, awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients));
    this.#send(encoding.toUint8Array(message));
  }

  readonly #handleEditEvent = (event: Y.YMapEvent<number>): void => {
    if (event.transaction.origin !== remoteOrigin) return;
    const receivedAt = performance.now();
    // Yjs types keysChanged as Set<any>; the keys of a Y.Map are strings.
    for (const key of event.keysChanged as Set<string>) {
      const editId = this.#edits.get(key);
      if (editId !== undefined) this.#options.onEditReceived?.(editId, receivedAt, this.instance);
    }
  };
}
