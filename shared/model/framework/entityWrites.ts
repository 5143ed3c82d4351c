import * as Y from 'yjs';
import { entityFields, entityMap, type EntityKind } from './docShape.ts';

/** Writes new order keys for siblings (as planned by `planOrderKeys`), each to its own entity. */
export function writeOrderKeys(doc: Y.Doc, kind: EntityKind, changes: ReadonlyMap<string, string>): void {
  for (const [id, order] of changes) {
    const entity = entityFields(doc, kind, id);
    if (entity && entity.get('order') !== order) entity.set('order', order);
  }
}

/**
 * Marks an entity deleted without removing it, so the delete can be undone (`restore`) and an edit someone makes to it
 * at the same time is kept. Returns false when there is no such entity.
 */
export function softDelete(doc: Y.Doc, kind: EntityKind, id: string, by: string | null): boolean {
  const entity = entityFields(doc, kind, id);
  if (!entity) return false;
  doc.transact(() => {
    entity.set('deletedAt', new Date().toISOString());
    entity.set('deletedBy', by);
  });
  return true;
}

/** Clears an entity's soft delete. Returns false when there is no such entity. */
export function restore(doc: Y.Doc, kind: EntityKind, id: string): boolean {
  const entity = entityFields(doc, kind, id);
  if (!entity) return false;
  doc.transact(() => {
    if (entity.get('deletedAt') !== null) entity.set('deletedAt', null);
    if (entity.get('deletedBy') !== null) entity.set('deletedBy', null);
  });
  return true;
}

/** The Y.Text of a co-typed field, for an editor binding; null when the entity or the text is missing. */
export function entityText(doc: Y.Doc, kind: EntityKind, id: string, field: string): Y.Text | null {
  const value = entityFields(doc, kind, id)?.get(field);
  return value instanceof Y.Text ? value : null;
}

/** Whether an entity with this id is stored, valid or not. */
export function entityExists(doc: Y.Doc, kind: EntityKind, id: string): boolean {
  return entityMap(doc, kind).has(id);
}
