import type { AppendEntry, DocStore } from '../store/DocStore.ts';

interface QueuedUpdate {
  entry: AppendEntry;
  resolve: (seq: number) => void;
  reject: (error: unknown) => void;
}

/**
 * Appends document updates to the store in one transaction per event-loop turn. Rooms wait for the returned
 * promise before broadcasting an update, so nothing a client was told about can be lost in a crash.
 * Flushes run one at a time so sequence numbers follow the order updates were accepted in.
 */
export class UpdateWriter {
  readonly #store: DocStore;
  readonly #onPersisted: (bytes: number) => void;
  #queue: QueuedUpdate[] = [];
  #flushScheduled = false;
  #inFlight: Promise<void> | null = null;
  #idleWaiters: (() => void)[] = [];

  constructor(store: DocStore, onPersisted: (bytes: number) => void = () => {}) {
    this.#store = store;
    this.#onPersisted = onPersisted;
  }

  /** Queues an update; resolves with its sequence number once it is durably stored. */
  enqueue(docName: string, update: Uint8Array): Promise<number> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ entry: { docName, update }, resolve, reject });
      this.#scheduleFlush();
    });
  }

  /** Resolves when every update queued so far is stored (or has failed). */
  whenIdle(): Promise<void> {
    if (this.#queue.length === 0 && this.#inFlight === null) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #scheduleFlush(): void {
    if (this.#flushScheduled || this.#inFlight) return;
    this.#flushScheduled = true;
    setImmediate(() => {
      this.#flushScheduled = false;
      this.#inFlight = this.#flush();
    });
  }

  async #flush(): Promise<void> {
    const batch = this.#queue;
    this.#queue = [];
    try {
      const seqs = await this.#store.append(batch.map((queued) => queued.entry));
      let bytes = 0;
      batch.forEach((queued, i) => {
        bytes += queued.entry.update.byteLength;
        queued.resolve(seqs[i]!);
      });
      this.#onPersisted(bytes);
    } catch (error) {
      for (const queued of batch) queued.reject(error);
    } finally {
      this.#inFlight = null;
      if (this.#queue.length > 0) this.#scheduleFlush();
      else this.#notifyIdle();
    }
  }

  #notifyIdle(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
