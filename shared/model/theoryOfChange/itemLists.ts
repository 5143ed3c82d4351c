import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { isOrderKey } from '../../schemas/framework.ts';
import { newEntityId, writeText } from '../framework/docShape.ts';
import { planMove, type Ordered } from '../framework/ordering.ts';
import { sharedItem, sharedItems } from './docShape.ts';

/** The key after every stored key of a map of ordered maps (top-level entities or list items), for appending. */
export function keyAfterLast(
  items: Y.Map<unknown>,
  isCounted: (fields: Y.Map<unknown>) => boolean = () => true,
): string {
  let last: string | null = null;
  for (const stored of items.values()) {
    if (!(stored instanceof Y.Map)) continue;
    const fields = stored as Y.Map<unknown>;
    const order = fields.get('order');
    if (!isCounted(fields) || !isOrderKey(order)) continue;
    if (last === null || order > last) last = order;
  }
  return generateKeyBetween(last, null);
}

/** Adds an item with a co-typed `text` and the given plain fields to a list field, at the end; returns its id. */
export function appendItem(
  entity: Y.Map<unknown>,
  field: string,
  text: string,
  textLimit: number,
  fields: Record<string, unknown>,
): string {
  const items = sharedItems(entity, field);
  const id = newEntityId();
  const item = new Y.Map<unknown>();
  item.set('order', keyAfterLast(items));
  for (const [name, value] of Object.entries(fields)) item.set(name, value);
  items.set(id, item);
  writeText(item, 'text', text, textLimit);
  return id;
}

/** Removes an item from a list field. Returns false when there is no such item. */
export function removeItem(entity: Y.Map<unknown>, field: string, itemId: string): boolean {
  const items = entity.get(field);
  if (!(items instanceof Y.Map) || !(items as Y.Map<unknown>).has(itemId)) return false;
  (items as Y.Map<unknown>).delete(itemId);
  return true;
}

/** The Y.Text of an item, for an editor binding; null when the item or its text is missing. */
export function itemText(entity: Y.Map<unknown> | null, field: string, itemId: string): Y.Text | null {
  const value = entity ? sharedItem(entity, field, itemId)?.get('text') : undefined;
  return value instanceof Y.Text ? value : null;
}

/** Moves an item of a list to a position among `siblings` (sorted, as read), writing only the keys that change. */
export function moveItem(
  entity: Y.Map<unknown>,
  field: string,
  siblings: readonly Ordered[],
  itemId: string,
  index: number,
): boolean {
  const item = sharedItem(entity, field, itemId);
  if (!item) return false;
  const changes = planMove(
    siblings.filter((sibling) => sibling.id !== itemId),
    itemId,
    index,
  );
  for (const [id, order] of changes) {
    const target = sharedItem(entity, field, id);
    if (target && target.get('order') !== order) target.set('order', order);
  }
  return true;
}
