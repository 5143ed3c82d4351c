import type * as Y from 'yjs';
import { tocFields, type TheoryOfChangeKind } from './docShape.ts';

/** Marks an entity deleted, by whom and when. */
export function markDeleted(doc: Y.Doc, kind: TheoryOfChangeKind, id: string, by: string | null): boolean {
  const entity = tocFields(doc, kind, id);
  if (!entity) return false;
  doc.transact(() => {
    entity.set('deletedAt', new Date().toISOString());
    entity.set('deletedBy', by);
  });
  return true;
}

/** Clears an entity's soft delete. */
export function clearDeleted(doc: Y.Doc, kind: TheoryOfChangeKind, id: string): boolean {
  const entity = tocFields(doc, kind, id);
  if (!entity) return false;
  doc.transact(() => {
    if (entity.get('deletedAt') != null) entity.set('deletedAt', null);
    if (entity.get('deletedBy') != null) entity.set('deletedBy', null);
  });
  return true;
}
