import { colourFor, type PresenceUser } from '../../../shared/model/presence.ts';
import type { Me } from '../../../shared/schemas/auth.ts';

/**
 * How I appear to others in a partnership: the server stamps this on what it relays, but never echoes my own
 * state back, so the client sets the same identity for itself. The organisation is the one I represent on
 * this board, if it differs from my account's.
 */
export function presenceUserFor(me: Me, partnershipId: string): PresenceUser {
  const membership = me.memberships.find((m) => m.partnershipId === partnershipId);
  return {
    id: me.user.id,
    name: me.user.displayName,
    organisation: membership?.organisation ?? me.user.organisation,
    colour: colourFor(me.user.id),
  };
}
