// @y/websocket-server 0.1.1 ships no type declarations for its `utils` entry; this is the one function used.
declare module '@y/websocket-server/utils' {
  import type { IncomingMessage } from 'node:http';

  /** Joins a socket to the in-memory document named by the request path and speaks y-websocket on it. */
  export function setupWSConnection(
    connection: unknown,
    request: IncomingMessage,
    options?: { docName?: string; gc?: boolean },
  ): void;
}
