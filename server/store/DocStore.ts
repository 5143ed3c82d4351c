/** What a document's stored history looks like when loaded: a snapshot (if any) followed by later updates. */
export interface StoredDocument {
  /** Encoded Yjs updates in the order they must be applied; the first is the snapshot when one exists. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update, or 0 for an empty document. Pass it to `compact`. */
  lastSeq: number;
  /** Number of stored update rows after the snapshot. */
  pendingCount: number;
  /** Total stored bytes (snapshot plus updates), the measure used by the document size limit. */
  bytes: number;
}

/** One update to append to a document's log. */
export interface AppendEntry {
  docName: string;
  update: Uint8Array;
}

/**
 * Durable storage of Yjs documents as an append-only update log plus an occasional snapshot.
 * Implementations: SQLite (embedded default) and, for scale-out, PostgreSQL. Both run the contract suite in
 * `tests/server/store/docStoreContract.ts`.
 */
export interface DocStore {
  /** Reads everything stored for a document; an unknown document is empty, not an error. */
  load(docName: string): Promise<StoredDocument>;
  /**
   * Appends updates (possibly for several documents) atomically and durably: when the promise resolves,
   * every entry survives a process crash. Returns each entry's sequence number, in order.
   */
  append(entries: readonly AppendEntry[]): Promise<number[]>;
  /**
   * Replaces the document's snapshot with `snapshot` and deletes the updates with sequence numbers up to and
   * including `upToSeq`, in one transaction. Updates appended after `upToSeq` are kept.
   */
  compact(docName: string, snapshot: Uint8Array, upToSeq: number): Promise<void>;
  /** Releases the underlying connection. */
  close(): Promise<void>;
}
