/**
 * WebSocket close codes used by the collaboration endpoint `/collab/:docName`.
 * Clients rely on these to decide whether to reconnect and what to tell the person.
 */
export const CloseCode = {
  /** Normal closure, e.g. the client navigated away. */
  Normal: 1000,
  /** The server is restarting or shutting down; reconnect shortly. */
  ServerRestarting: 1012,
  /** A frame could not be decoded, or broke the protocol (e.g. claimed another client's awareness id). */
  Malformed: 4400,
  /** No valid session or token. */
  Unauthorized: 4401,
  /** Signed in but not allowed on this document, or access was revoked while connected. */
  Forbidden: 4403,
  /** The document name is not one the server hosts. */
  NotFound: 4404,
  /** A message, or the document it would grow, exceeds the configured size limit. */
  TooLarge: 4413,
  /** The client is outdated (editor schema older than the server's). */
  UpgradeRequired: 4426,
  /** The connection sent messages faster than the per-connection rate limit. */
  RateLimited: 4429,
  /** The server failed while loading or handling the document. */
  InternalError: 4500,
} as const;

/** One of the close codes in {@link CloseCode}. */
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which retrying with the same credentials cannot succeed. */
export const terminalCloseCodes: ReadonlySet<number> = new Set([
  CloseCode.Unauthorized,
  CloseCode.Forbidden,
  CloseCode.NotFound,
  CloseCode.UpgradeRequired,
]);
