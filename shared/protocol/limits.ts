/** Default limits of the collaboration server; each can be overridden through the environment. */
export const defaultLimits = {
  /** Largest single WebSocket message accepted, in bytes (2 MiB). */
  maxMessageBytes: 2 * 1024 * 1024,
  /** Largest document, measured as stored bytes (snapshot plus pending updates), in bytes (50 MiB). */
  maxDocumentBytes: 50 * 1024 * 1024,
  /** Sustained messages per second allowed from one connection. */
  messagesPerSecond: 400,
  /** Burst allowance: how many seconds of the sustained rate a connection may spend at once. */
  burstSeconds: 10,
  /** How long an empty room stays loaded before it is persisted and unloaded, in milliseconds. */
  roomGraceMs: 10_000,
  /** Interval between heartbeat pings; a socket that misses one pong is dropped. */
  heartbeatMs: 30_000,
} as const;

/** The shape of the limits the server runs with. */
export type Limits = { -readonly [K in keyof typeof defaultLimits]: number };
