/** What a document's stored history looks like when loaded: a snapshot (if any) followed by later updates. */
export interface StoredDocument {
  /** Encoded Yjs updates in the order they must be applied; the first is the snapshot when one exists. */
  updates: Uint8Array[];
  /** Sequence number of the last stored update, or 0 for an empty document. Pass it to `compact`. */
  lastSeq: number;
  /** The sequence number the snapshot covers up to (0 without one). */
  snapshotSeq: number;
  /** Sequence numbers of the update rows after the snapshot, ascending (the updates after the snapshot, in order). */
  seqs: number[];
  /** Number of stored update rows after the snapshot. */
  pendingCount: number;
  /** Total stored bytes (snapshot plus updates), the measure used by the document size limit. */
  bytes: number;
}

/** One stored update with its sequence number. */
export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

/** What a document's log holds now, without the bytes: enough for an instance to see what it has not applied. */
export interface LogIndex {
  /** The sequence number the snapshot covers up to (0 without one). */
  snapshotSeq: number;
  /** Sequence numbers of the update rows kept beside the snapshot. */
  seqs: number[];
}

/**
 * Limits a compaction to what the compacting instance holds, for documents several instances write to: it happens
 * only while the stored snapshot is still the one the instance built on, and deletes exactly the rows it applied.
 * A row another instance committed meanwhile (even one with a lower number, committed late) stays in the log.
 */
export interface CompactionGuard {
  basedOnSnapshotSeq: number;
  coveredSeqs: readonly number[];
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
   * including `upToSeq`, in one transaction. Updates appended after `upToSeq` are kept. With a guard, see
   * {@link CompactionGuard}. Resolves true when this call replaced the snapshot.
   */
  compact(docName: string, snapshot: Uint8Array, upToSeq: number, guard?: CompactionGuard): Promise<boolean>;
  /** The log's shape per document (unknown documents are left out), for catching up with other instances. */
  logIndex(docNames: readonly string[]): Promise<Map<string, LogIndex>>;
  /** The stored update rows with these sequence numbers (rows compacted away meanwhile are left out). */
  readUpdates(docName: string, seqs: readonly number[]): Promise<StoredUpdate[]>;
  /** The current snapshot, or null when the document has none. */
  readSnapshot(docName: string): Promise<StoredUpdate | null>;
  /** Releases the underlying connection. */
  close(): Promise<void>;
}
