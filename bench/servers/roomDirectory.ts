/** Where the bench's rooms live on one server: the document behind each room key and how to reach it. */
export interface RoomDirectory {
  /** Makes sure every room exists and may be edited by the bench (ours needs partnerships; anchors need nothing). */
  prepare(keys: readonly string[]): Promise<void>;
  /** Waits (bounded) until rooms loaded by `prepare` itself have been unloaded again, so memory is at rest. */
  settle(): Promise<void>;
  /** The document name of a prepared room. */
  docName(key: string): string;
  /** The WebSocket URL a client opens for that document. */
  socketUrl(docName: string): string;
}

/** Anchors accept any document name, unauthenticated: room `k` is document `p:k`. */
export function openRoomDirectory(socketUrl: (docName: string) => string): RoomDirectory {
  return {
    prepare: () => Promise.resolve(),
    settle: () => Promise.resolve(),
    docName: (key) => `p:${key}`,
    socketUrl,
  };
}
