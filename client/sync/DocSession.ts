import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { CloseCode, terminalCloseCodes } from '../../shared/protocol/closeCodes.ts';

/** What the person is told about the link between their screen and the server. */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'connected' }
  | { kind: 'reconnecting'; unsyncedChanges: number }
  | { kind: 'offline'; unsyncedChanges: number }
  | { kind: 'refused'; code: number; reason: string };

/** The snapshot React renders from; replaced (never mutated) on every change. */
export interface DocSessionState {
  connection: ConnectionState;
  /** True once the locally saved copy (IndexedDB) has been loaded into the doc. */
  localLoaded: boolean;
  /**
   * How many times the server has closed the connection because my access changed (role changed, removed).
   * Screens watch it to fetch my role again: the socket reconnects by itself, the UI must follow.
   */
  accessChanges: number;
}

export interface DocSessionOptions {
  docName: string;
  /** Base URL of the collaboration endpoint, e.g. `ws://localhost:3000/collab`. */
  serverUrl: string;
  params?: Record<string, string>;
  /** Keep a copy on this device (IndexedDB) so offline edits survive a reload. */
  persistLocally?: boolean;
}

/**
 * Owns one shared document's lifecycle: the Y.Doc, the WebSocket provider, the on-device copy, and the
 * connection state shown to the person. Created and destroyed by `useDoc`; holds no React state itself.
 */
export class DocSession {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly #local: IndexeddbPersistence | null;
  readonly #listeners = new Set<() => void>();
  #state: DocSessionState = { connection: { kind: 'connecting' }, localLoaded: false, accessChanges: 0 };
  #unsyncedChanges = 0;
  /** Where the count of changes not yet on the server is kept, so a reload while offline still reports them. */
  readonly #pendingKey: string;
  #everSynced = false;
  #syncedSinceLastRefusal = false;

  constructor(options: DocSessionOptions) {
    this.#pendingKey = `cg:unsynced:${options.docName}`;
    this.#unsyncedChanges = readPendingCount(this.#pendingKey);
    this.#local = options.persistLocally === false ? null : new IndexeddbPersistence(options.docName, this.doc);
    this.provider = new WebsocketProvider(options.serverUrl, options.docName, this.doc, {
      params: options.params ?? {},
      maxBackoffTime: 5_000,
      shouldReconnect: (event) => this.#shouldReconnect(event.code),
    });
    this.#local?.whenSynced.then(
      () => this.#update({ localLoaded: true }),
      () => this.#update({ localLoaded: true }),
    );
    if (!this.#local) this.#state = { ...this.#state, localLoaded: true };

    this.doc.on('update', this.#handleDocUpdate);
    this.provider.on('sync', this.#handleSync);
    this.provider.on('status', this.#refresh);
    this.provider.on('closed', this.#handleClosed);
    this.provider.on('connection-close', this.#handleConnectionClose);
    window.addEventListener('online', this.#handleOnline);
    window.addEventListener('offline', this.#handleOffline);
    // Changes kept from before a reload are reported from the start, not only after the first socket event.
    this.#refresh();
  }

  get awareness(): Awareness {
    return this.provider.awareness;
  }

  /** The current state, for `useSyncExternalStore`. */
  readonly getState = (): DocSessionState => this.#state;

  /** Registers a listener for state changes; returns the unsubscribe function. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  destroy(): void {
    window.removeEventListener('online', this.#handleOnline);
    window.removeEventListener('offline', this.#handleOffline);
    this.doc.off('update', this.#handleDocUpdate);
    this.provider.destroy();
    void this.#local?.destroy();
    this.doc.destroy();
    this.#listeners.clear();
  }

  #shouldReconnect(code: number): boolean {
    // A 4403 while we were in sync means our access changed: reconnect once so the server re-evaluates it.
    if (code === CloseCode.Forbidden) return this.#syncedSinceLastRefusal;
    return !terminalCloseCodes.has(code);
  }

  readonly #handleDocUpdate = (_update: Uint8Array, origin: unknown): void => {
    // Changes that came from the server are not ours to sync.
    if (origin === this.provider || origin === this.#local) return;
    if (!this.provider.synced) {
      this.#unsyncedChanges += 1;
      writePendingCount(this.#pendingKey, this.#unsyncedChanges);
      this.#refresh();
    }
  };

  readonly #handleSync = (synced: boolean): void => {
    if (synced) {
      // Our step 2 (everything the server lacked) is sent before the server's answer arrives.
      this.#everSynced = true;
      this.#syncedSinceLastRefusal = true;
      this.#unsyncedChanges = 0;
      writePendingCount(this.#pendingKey, 0);
    }
    this.#refresh();
  };

  // The browser knows about a lost network long before a dead socket times out; act on it at once.
  readonly #handleOffline = (): void => {
    if (this.#state.connection.kind !== 'refused') this.provider.disconnect();
    this.#refresh();
  };

  readonly #handleOnline = (): void => {
    if (this.#state.connection.kind !== 'refused') this.provider.connect();
    this.#refresh();
  };

  readonly #handleConnectionClose = (event: CloseEvent | null): void => {
    if (event?.code === CloseCode.Forbidden) this.#update({ accessChanges: this.#state.accessChanges + 1 });
    // A socket that never opened closes without a status event: say so all the same.
    this.#refresh();
  };

  readonly #handleClosed = ({ code, reason }: { code: number; reason: string }): void => {
    this.#syncedSinceLastRefusal = false;
    // Our own words for the codes we know; the server's reason is for logs and only a fallback here.
    this.#update({
      connection: {
        kind: 'refused',
        code,
        reason: describeClose(code) ?? (reason || 'The server closed the connection.'),
      },
    });
  };

  readonly #refresh = (): void => {
    if (this.#state.connection.kind === 'refused' && !this.provider.shouldConnect) return;
    const unsyncedChanges = this.#unsyncedChanges;
    let connection: ConnectionState;
    if (this.provider.synced && this.provider.wsconnected) connection = { kind: 'connected' };
    else if (!navigator.onLine) connection = { kind: 'offline', unsyncedChanges };
    // Changes left from before a reload mean this device has been connected before: it is reconnecting.
    else if (this.#everSynced || unsyncedChanges > 0) connection = { kind: 'reconnecting', unsyncedChanges };
    else connection = { kind: 'connecting' };
    this.#update({ connection });
  };

  #update(change: Partial<DocSessionState>): void {
    this.#state = { ...this.#state, ...change };
    for (const listener of this.#listeners) listener();
  }
}

// localStorage can be unavailable (private windows, locked-down browsers): the count is then only kept in memory.
function readPendingCount(key: string): number {
  try {
    const stored = Number(window.localStorage.getItem(key) ?? '0');
    return Number.isSafeInteger(stored) && stored > 0 ? stored : 0;
  } catch {
    return 0;
  }
}

function writePendingCount(key: string, count: number): void {
  try {
    if (count > 0) window.localStorage.setItem(key, String(count));
    else window.localStorage.removeItem(key);
  } catch {
    // Only the count shown to the person is lost; the changes themselves are in IndexedDB.
  }
}

function describeClose(code: number): string | null {
  switch (code) {
    case CloseCode.Unauthorized:
      return 'You are not signed in.';
    case CloseCode.Forbidden:
      return 'You no longer have access to this workspace.';
    case CloseCode.NotFound:
      return 'This workspace does not exist.';
    case CloseCode.UpgradeRequired:
      return 'A newer version of Common Ground is available. Reload the page.';
    case CloseCode.RateLimited:
      return 'Too many changes were sent at once. Reload the page to carry on.';
    case CloseCode.TooLarge:
      return 'The last change was too large to save. Reload the page to carry on.';
    default:
      return null;
  }
}
