import * as Y from 'yjs';

/**
 * How services read and change a partnership's workspace doc. In the running server this goes through the room
 * manager (changes are stored before they are broadcast); route tests without sockets use `memoryWorkspaceDocs`.
 */
export interface WorkspaceDocs {
  /** Runs `read` on the doc and returns what it returns; `read` must not change the doc. */
  read<T>(partnershipId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Runs `change` in one transaction on the doc; resolves with its result once the change is durable (stored, then
   * broadcast). A Yjs transaction cannot be rolled back: `change` must not throw after it has written anything.
   */
  change<T>(partnershipId: string, change: (doc: Y.Doc) => T): Promise<T>;
}

/** Workspace docs held in memory, one per partnership: for route tests that run without a collaboration server. */
export function memoryWorkspaceDocs(): WorkspaceDocs & { doc(partnershipId: string): Y.Doc } {
  const docs = new Map<string, Y.Doc>();
  const doc = (partnershipId: string): Y.Doc => {
    const existing = docs.get(partnershipId);
    if (existing) return existing;
    const created = new Y.Doc();
    docs.set(partnershipId, created);
    return created;
  };
  return {
    doc,
    read: (partnershipId, read) => Promise.resolve(read(doc(partnershipId))),
    change: (partnershipId, change) => {
      const target = doc(partnershipId);
      return Promise.resolve(target.transact(() => change(target)));
    },
  };
}

/** Workspace docs through the room manager's `transact`, which loads the doc and stores what changed. */
export function roomWorkspaceDocs(
  transact: (docName: string, change: (doc: Y.Doc) => void) => Promise<void>,
  docNameOf: (partnershipId: string) => string,
): WorkspaceDocs {
  const run = async <T>(partnershipId: string, body: (doc: Y.Doc) => T): Promise<T> => {
    let result!: T;
    await transact(docNameOf(partnershipId), (doc) => {
      result = body(doc);
    });
    return result;
  };
  // A read is an empty transaction: it writes nothing, so nothing is stored or broadcast.
  return { read: run, change: run };
}
