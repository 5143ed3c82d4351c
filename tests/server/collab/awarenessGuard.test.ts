import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import {
  AwarenessViolation,
  sanitiseAwarenessUpdate,
  type AwarenessContext,
} from '../../../server/collab/awarenessGuard.ts';
import { colourFor } from '../../../shared/model/presence.ts';

const alice = { id: 'u:alice', name: 'Alice', organisation: 'Council', colour: colourFor('u:alice') };

function clientUpdate(
  clientId: number,
  fields: Record<string, unknown>,
): { awareness: awarenessProtocol.Awareness; update: Uint8Array } {
  const doc = new Y.Doc();
  doc.clientID = clientId;
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState(fields);
  return { awareness, update: awarenessProtocol.encodeAwarenessUpdate(awareness, [clientId]) };
}

function decode(update: Uint8Array): Map<number, Record<string, unknown>> {
  const target = new awarenessProtocol.Awareness(new Y.Doc());
  awarenessProtocol.applyAwarenessUpdate(target, update, null);
  return target.getStates();
}

function context(overrides: Partial<AwarenessContext> = {}): AwarenessContext {
  return { owned: new Set(), isOwnedByOther: () => false, clockOf: () => 0, user: alice, ...overrides };
}

describe('sanitiseAwarenessUpdate', () => {
  it('stamps the server-known user over a claimed one and takes ownership of a new id', () => {
    const { update } = clientUpdate(7, { user: { name: 'The Chair' }, editing: 'profile.name' });
    const ctx = context();
    const result = sanitiseAwarenessUpdate(update, ctx);
    expect(decode(result!).get(7)).toEqual({ user: alice, editing: 'profile.name' });
    expect(ctx.owned.has(7)).toBe(true);
  });

  it('drops an echo of another connection’s state (same clock) without complaint', () => {
    const { update } = clientUpdate(7, { editing: 'x' });
    const result = sanitiseAwarenessUpdate(update, context({ isOwnedByOther: () => true, clockOf: () => 1 }));
    expect(result).toBeNull();
  });

  it('refuses a newer state for a client id another connection owns', () => {
    const { update } = clientUpdate(7, { editing: 'x' });
    expect(() => sanitiseAwarenessUpdate(update, context({ isOwnedByOther: () => true, clockOf: () => 0 }))).toThrow(
      AwarenessViolation,
    );
  });

  it('drops echoed removals of people who have left instead of adopting their id', () => {
    const { awareness } = clientUpdate(9, { editing: 'x' });
    awareness.setLocalState(null);
    const removal = awarenessProtocol.encodeAwarenessUpdate(awareness, [9]);
    const ctx = context({ clockOf: () => 5 });
    expect(sanitiseAwarenessUpdate(removal, ctx)).toBeNull();
    expect(ctx.owned.size).toBe(0);
  });

  it('rejects a state that is not an object', () => {
    const { awareness } = clientUpdate(3, {});
    awareness.setLocalState([1, 2]);
    expect(() => sanitiseAwarenessUpdate(awarenessProtocol.encodeAwarenessUpdate(awareness, [3]), context())).toThrow(
      AwarenessViolation,
    );
  });
});
