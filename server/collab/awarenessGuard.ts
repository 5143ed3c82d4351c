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

/** What the guard needs to know about the room and the sending connection. */
export interface AwarenessContext {
  /** Client ids this connection has published; grows when it publishes a new one. */
  owned: Set<number>;
  /** Whether another live connection in the room owns the client id. */
  isOwnedByOther: (clientId: number) => boolean;
  /** The room's current clock for the client id (0 when unknown). */
  clockOf: (clientId: number) => number;
  /** The server's view of who sent the update. */
  user: PresenceUser;
}

/**
 * Checks an awareness update from one connection and rewrites it with the server's view of who sent it.
 *
 * The stock y-websocket client re-sends every awareness change it receives, including other people's states
 * and removals, with their clocks unchanged. Such echoes are dropped silently. A state for someone else's
 * client id with a *newer* clock would replace that person's presence: that is a forgery and is refused.
 * Every state that is kept gets `user` replaced with the connection's identity, so presence cannot be spoofed.
 * Returns null when nothing of the update is left to apply.
 */
export function sanitiseAwarenessUpdate(update: Uint8Array, context: AwarenessContext): Uint8Array | null {
  const kept: AwarenessEntry[] = [];
  for (const entry of decodeAwarenessUpdate(update)) {
    const isNewer = entry.clock > context.clockOf(entry.clientId);
    if (!context.owned.has(entry.clientId)) {
      if (context.isOwnedByOther(entry.clientId)) {
        if (isNewer)
          throw new AwarenessViolation(`awareness update claims client ${entry.clientId} of another connection`);
        continue;
      }
      // An unowned id: a newer, non-null state is this connection announcing itself; anything else is an echo.
      if (entry.state === null || !isNewer) continue;
      context.owned.add(entry.clientId);
    }
    if (entry.state !== null) entry.state = { ...entry.state, user: context.user };
    kept.push(entry);
  }
  return kept.length > 0 ? encodeAwarenessUpdate(kept) : null;
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
