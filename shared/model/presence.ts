import { z } from 'zod';

/**
 * Who a connected person is, as shown in presence bars and collaboration carets. The server writes this into
 * every awareness state it relays, so a client cannot pose as someone else.
 */
export const PresenceUserSchema = z.object({
  id: z.string().min(1).max(100),
  name: z.string().min(1).max(100),
  organisation: z.string().max(200),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
});
export type PresenceUser = z.infer<typeof PresenceUserSchema>;

/** What a client publishes about itself besides `user`: where it is and what it is doing. */
export const PresenceActivitySchema = z.object({
  /** The entity (outcome id, section key, field name) the person is looking at, if any. */
  viewing: z.string().max(200).optional(),
  /** The entity or field the person is editing right now, if any. */
  editing: z.string().max(200).optional(),
});
export type PresenceActivity = z.infer<typeof PresenceActivitySchema>;

/** A person present in a document, as read from awareness. */
export interface Presence extends PresenceActivity {
  clientId: number;
  user: PresenceUser;
}

// Colours with at least 4.5:1 contrast against white text, so names on coloured chips stay readable.
const presenceColours = ['#1d70b8', '#b3401a', '#00703c', '#6f2c91', '#a4005b', '#005a7a', '#7a4a00', '#3d4f8a'];

/** A stable, readable colour for a person, derived from their id. */
export function colourFor(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return presenceColours[Math.abs(hash) % presenceColours.length]!;
}

/** Reads the people present from raw awareness states, skipping states without a valid server-stamped user. */
export function readPresence(states: ReadonlyMap<number, Record<string, unknown>>): Presence[] {
  const people: Presence[] = [];
  for (const [clientId, state] of states) {
    const user = PresenceUserSchema.safeParse(state.user);
    if (!user.success) continue;
    const activity = PresenceActivitySchema.safeParse(state);
    people.push({ clientId, user: user.data, ...(activity.success ? activity.data : {}) });
  }
  return people;
}
