import { generateKeyBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { isOrderKey } from '../../schemas/framework.ts';
import { entityMap, type EntityKind } from './docShape.ts';
import { compareOrdered, planMove } from './ordering.ts';
import { readLiveEntitiesWhere } from './readEntities.ts';

/** Which stored entries share a list with the item being placed (same cell, same outcome, same indicator). */
export type SiblingTest = (fields: Y.Map<unknown>) => boolean;

/**
 * Order keys that put `id` at `index` among its live siblings, or after all of them when no index is given; the map
 * may also re-key siblings tied at that spot. Appending reads only the stored keys, so adding many items stays cheap.
 */
export function planPlacement(
  doc: Y.Doc,
  kind: EntityKind,
  isSibling: SiblingTest,
  id: string,
  index: number | undefined,
): Map<string, string> {
  if (index === undefined) {
    let last: string | null = null;
    for (const [key, stored] of entityMap(doc, kind).entries()) {
      if (key === id || !(stored instanceof Y.Map)) continue;
      const fields = stored as Y.Map<unknown>;
      const order = fields.get('order');
      if (fields.get('deletedAt') != null || !isSibling(fields) || !isOrderKey(order)) continue;
      if (last === null || order > last) last = order;
    }
    return new Map([[id, generateKeyBetween(last, null)]]);
  }
  const siblings = readLiveEntitiesWhere(doc, kind, isSibling)
    .filter((sibling) => sibling.id !== id)
    .sort(compareOrdered);
  return planMove(siblings, id, index);
}
