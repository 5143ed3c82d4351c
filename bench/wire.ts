import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Message types of the y-websocket protocol, as the load clients use them. */
export const WireMessage = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
} as const;

/** What a received message is, once the framing of the server's dialect is peeled off. */
export type IncomingKind = 'sync' | 'awareness' | 'query-awareness' | 'ignored';

/**
 * Framing of the y-websocket protocol as one server family speaks it. The stock protocol (our server,
 * @y/websocket-server) sends `[type, payload]` on one socket per document; Hocuspocus multiplexes documents
 * and prefixes every message with the document name, wants an auth message first, and adds a few types.
 */
export interface Wire {
  readonly name: 'y-websocket' | 'hocuspocus';
  /** Starts an outgoing message for `docName` of the given type. */
  begin(docName: string, type: number): encoding.Encoder;
  /** Messages a client sends right after the socket opens, before its sync step 1. */
  openingMessages(docName: string): Uint8Array[];
  /** Reads the framing and the type of an incoming message. */
  read(decoder: decoding.Decoder): IncomingKind;
}

function kindOf(type: number): IncomingKind {
  if (type === WireMessage.Sync) return 'sync';
  if (type === WireMessage.Awareness) return 'awareness';
  if (type === WireMessage.QueryAwareness) return 'query-awareness';
  return 'ignored';
}

/** The stock protocol, one document per socket. */
export const yWebsocketWire: Wire = {
  name: 'y-websocket',
  begin(_docName, type) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    return encoder;
  },
  openingMessages: () => [],
  read: (decoder) => kindOf(decoding.readVarUint(decoder)),
};

/** Hocuspocus message types beyond the stock ones (from @hocuspocus/server's MessageType). */
const hocuspocusSyncReply = 4;
const hocuspocusAuthToken = 0;

/** Hocuspocus 3.x: document-name prefix, an auth message first, SyncReply treated as Sync, acks ignored. */
export const hocuspocusWire: Wire = {
  name: 'hocuspocus',
  begin(docName, type) {
    const encoder = encoding.createEncoder();
    encoding.writeVarString(encoder, docName);
    encoding.writeVarUint(encoder, type);
    return encoder;
  },
  openingMessages(docName) {
    const encoder = this.begin(docName, WireMessage.Auth);
    encoding.writeVarUint(encoder, hocuspocusAuthToken);
    encoding.writeVarString(encoder, 'bench');
    return [encoding.toUint8Array(encoder)];
  },
  read(decoder) {
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    return type === hocuspocusSyncReply ? 'sync' : kindOf(type);
  },
};
