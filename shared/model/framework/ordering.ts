import { generateNKeysBetween } from 'fractional-indexing';
import { isOrderKey } from '../../schemas/framework.ts';

/** Anything placed among siblings by a fractional order key. */
export interface Ordered {
  id: string;
  order: string;
}

/**
 * Sorts siblings by order key, ties broken by id. Two replicas that insert at the same place at the same time
 * generate the same key; the id makes the result the same everywhere. Keys compare by code unit, as the library expects.
 */
export function compareOrdered(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return 0;
}

/** One place in a wanted sequence: its current key, or null when it has none (or none that is usable here). */
export interface OrderSlot {
  id: string;
  order: string | null;
}

/**
 * New order keys that make `sequence` sort in the given order. Keys that already fit are kept, so only the moved items
 * (and siblings tied with them) change: fewer writes, fewer conflicts with concurrent moves. Returns only the changes.
 */
export function planOrderKeys(sequence: readonly OrderSlot[]): Map<string, string> {
  const changes = new Map<string, string>();
  let previous: string | null = null;
  let pending: string[] = [];
  const place = (upper: string | null): void => {
    if (pending.length === 0) return;
    const keys = generateNKeysBetween(previous, upper, pending.length);
    pending.forEach((id, i) => changes.set(id, keys[i]!));
    pending = [];
  };
  for (const slot of sequence) {
    // A key can be kept only if it is strictly after the previous one: equal keys leave no room between them.
    if (isOrderKey(slot.order) && (previous === null || slot.order > previous)) {
      place(slot.order);
      previous = slot.order;
    } else {
      pending.push(slot.id);
    }
  }
  place(null);
  return changes;
}

/** Keys for moving `id` to `index` among `siblings` (sorted, not containing `id`); only the changes are returned. */
export function planMove(siblings: readonly Ordered[], id: string, index: number): Map<string, string> {
  const at = Math.max(0, Math.min(Math.trunc(index), siblings.length));
  const sequence: OrderSlot[] = siblings.map((sibling) => ({ id: sibling.id, order: sibling.order }));
  sequence.splice(at, 0, { id, order: null });
  return planOrderKeys(sequence);
}
