/**
 * Top-level message types of the y-websocket protocol (the first varint of every frame).
 * Matches `y-websocket`'s client so the stock `WebsocketProvider` works unchanged.
 */
export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** Sub-types of a {@link MessageType.Sync} message, as defined by y-protocols/sync. */
export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const;
