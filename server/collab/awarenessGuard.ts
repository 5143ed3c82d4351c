import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceUser } from '../../shared/model/presence.ts';

/** Largest JSON state one client may publish in awareness, in characters. */
const maxStateLength = 16 * 1024;

/** Raised when an awareness update is not something this connection may send. */
export class AwarenessViolation extends Error {}

interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/**
 * Checks an awareness update from one connection and rewrites it with the server's view of who sent it.
 * Every entry must be for a client id this connection owns (or a new id nobody else owns, which it then owns);
 * every non-null state gets `user` replaced with the connection's identity, so presence cannot be spoofed.
 */
export function sanitiseAwarenessUpdate(
  update: Uint8Array,
  owned: Set<number>,
  isOwnedByOther: (clientId: number) => boolean,
  user: PresenceUser,
): Uint8Array {
  const entries = decodeAwarenessUpdate(update);
  for (const entry of entries) {
    if (!owned.has(entry.clientId)) {
      if (isOwnedByOther(entry.clientId)) {
        throw new AwarenessViolation(`awareness update claims client ${entry.clientId} of another connection`);
      }
      owned.add(entry.clientId);
    }
    if (entry.state !== null) entry.state = { ...entry.state, user };
  }
  return encodeAwarenessUpdate(entries);
}

function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  if (count > 64) throw new AwarenessViolation('too many awareness entries in one update');
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    if (json.length > maxStateLength) throw new AwarenessViolation('awareness state too large');
    const parsed: unknown = JSON.parse(json);
    if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) {
      throw new AwarenessViolation('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: parsed as Record<string, unknown> | null });
  }
  if (decoding.hasContent(decoder)) throw new AwarenessViolation('trailing bytes after awareness update');
  return entries;
}

function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, JSON.stringify(entry.state));
  }
  return encoding.toUint8Array(encoder);
}
