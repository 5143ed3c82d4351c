import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { z } from 'zod';

/**
 * What instances say to each other through Redis. Document traffic is binary (it carries Yjs bytes) on one channel
 * per document; everything else is JSON on one cluster channel. Both are checked on receipt like any other input:
 * Redis is shared infrastructure, and a message this code cannot read is dropped, never half-applied.
 */

/** A message on a document's channel. `from` is the sending instance, so nobody applies their own echo. */
export type DocMessage =
  | { kind: 'update'; from: string; seq: number; update: Uint8Array }
  | { kind: 'awareness'; from: string; update: Uint8Array }
  /** "Who is here?": instances holding the document answer with their connections' presence. */
  | { kind: 'query'; from: string };

const docKinds = { update: 1, awareness: 2, query: 3 } as const;

export function encodeDocMessage(message: DocMessage): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, docKinds[message.kind]);
  encoding.writeVarString(encoder, message.from);
  if (message.kind === 'update') encoding.writeVarUint(encoder, message.seq);
  if (message.kind !== 'query') encoding.writeVarUint8Array(encoder, message.update);
  return Buffer.from(encoding.toUint8Array(encoder));
}

/** Reads a document message, or returns null for bytes that are not one. */
export function decodeDocMessage(bytes: Uint8Array): DocMessage | null {
  try {
    const decoder = decoding.createDecoder(bytes);
    const kind = decoding.readVarUint(decoder);
    const from = decoding.readVarString(decoder);
    if (kind === docKinds.update) {
      const seq = decoding.readVarUint(decoder);
      return { kind: 'update', from, seq, update: decoding.readVarUint8Array(decoder) };
    }
    if (kind === docKinds.awareness) return { kind: 'awareness', from, update: decoding.readVarUint8Array(decoder) };
    if (kind === docKinds.query) return { kind: 'query', from };
    return null;
  } catch {
    return null;
  }
}

const instanceId = z.string().min(1).max(64);

/** A message on the cluster channel. */
export const ControlMessageSchema = z.discriminatedUnion('type', [
  /** Sent every heartbeat: an instance not heard from for two heartbeats is gone, and its people's presence with it. */
  z.object({ type: z.literal('heartbeat'), from: instanceId }),
  /** Sent when an instance shuts down cleanly. */
  z.object({ type: z.literal('leaving'), from: instanceId }),
  /** Close a person's sockets everywhere: signed out (some sessions, or all), or one API token revoked. */
  z.object({
    type: z.literal('close-user'),
    from: instanceId,
    userId: z.string().min(1).max(100),
    sessionIdHashes: z.array(z.string().max(200)).max(1000).nullable(),
    tokenId: z.string().max(200).nullable(),
  }),
  /** Close a member's sockets to one partnership: their role changed or they were removed. */
  z.object({
    type: z.literal('close-member'),
    from: instanceId,
    partnershipId: z.string().min(1).max(100),
    userId: z.string().min(1).max(100),
  }),
]);
export type ControlMessage = z.infer<typeof ControlMessageSchema>;

/** A message as a sender writes it: the bus adds `from`. (Distributes over the union, keeping each member's fields.) */
export type WithoutFrom<T> = T extends unknown ? Omit<T, 'from'> : never;
