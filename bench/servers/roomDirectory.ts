/** Where the bench's rooms live on one server: the document behind each room key and how to reach it. */
export interface RoomDirectory {
  /** Makes sure every room exists and may be edited by the bench (ours needs partnerships; anchors need nothing). */
  prepare(keys: readonly string[]): Promise<void>;
  /** Whether `prepare` stores anything on the server (and so survives a restart on the same data). */
  readonly createsState: boolean;
  /** The same rooms on a server restarted on the same data at another port. */
  movedTo(port: number): RoomDirectory;
  /** The document name of a prepared room. */
  docName(key: string): string;
  /** The WebSocket URL a client opens for that document. */
  socketUrl(docName: string): string;
}

/** Anchors accept any document name, unauthenticated: room `k` is document `p:k`. */
export function openRoomDirectory(socketUrl: (port: number, docName: string) => string, port: number): RoomDirectory {
  return {
    prepare: () => Promise.resolve(),
    createsState: false,
    movedTo: (newPort) => openRoomDirectory(socketUrl, newPort),
    docName: (key) => `p:${key}`,
    socketUrl: (docName) => socketUrl(port, docName),
  };
}
