import * as Y from 'yjs';
import type { AgeStage } from '../../schemas/framework.ts';
import {
  OfferActionDraftSchema,
  OfferActionPatchSchema,
  theoryOfChangeLimits,
  type MeasureKind,
  type OfferActionDraft,
  type OfferActionPatch,
} from '../../schemas/theoryOfChange.ts';
import { newEntityId, toggleSetMember, writeSet, writeText } from '../framework/docShape.ts';
import { planMove } from '../framework/ordering.ts';
import { tocFields, tocMap } from './docShape.ts';
import { appendItem, itemText, keyAfterLast, moveItem, removeItem } from './itemLists.ts';
import { readTocEntity } from './readEntities.ts';
import { readActions } from './readTheoryOfChange.ts';
import { clearDeleted, markDeleted } from './softDelete.ts';

/** The co-typed text fields of an action. */
export type ActionTextField = 'name' | 'provider';

/** Sets a plain field only when it changes: an unchanged write would still win over a concurrent real change. */
function writeValue(entity: Y.Map<unknown>, field: string, value: string | number | boolean | null): void {
  if (entity.get(field) !== value) entity.set(field, value);
}

/** Adds an action to the end of the offer and returns its id. */
export function addAction(doc: Y.Doc, draft: OfferActionDraft): string {
  const fields = OfferActionDraftSchema.parse(draft);
  const id = newEntityId();
  doc.transact(() => {
    const order = keyAfterLast(tocMap(doc, 'action'), (stored) => stored.get('deletedAt') == null);
    const entity = new Y.Map<unknown>();
    tocMap(doc, 'action').set(id, entity);
    writeText(entity, 'name', fields.name, theoryOfChangeLimits.name);
    writeText(entity, 'provider', fields.provider, theoryOfChangeLimits.provider);
    writeSet(entity, 'localities', fields.localities);
    writeSet(entity, 'ageStages', fields.ageStages);
    entity.set('measures', new Y.Map<unknown>());
    entity.set('deliveryType', fields.deliveryType);
    entity.set('status', fields.status);
    entity.set('budget', fields.budget);
    entity.set('contractEnd', fields.contractEnd);
    entity.set('order', order);
  });
  return id;
}

/** Changes an action's fields in place; texts change by a minimal edit. Returns false when there is no such action. */
export function updateAction(doc: Y.Doc, id: string, patch: OfferActionPatch): boolean {
  const entity = tocFields(doc, 'action', id);
  if (!entity) return false;
  const fields = OfferActionPatchSchema.parse(patch);
  doc.transact(() => {
    if (fields.name !== undefined) writeText(entity, 'name', fields.name, theoryOfChangeLimits.name);
    if (fields.provider !== undefined) writeText(entity, 'provider', fields.provider, theoryOfChangeLimits.provider);
    if (fields.localities !== undefined) writeSet(entity, 'localities', fields.localities);
    if (fields.ageStages !== undefined) writeSet(entity, 'ageStages', fields.ageStages);
    if (fields.deliveryType !== undefined) writeValue(entity, 'deliveryType', fields.deliveryType);
    if (fields.status !== undefined) writeValue(entity, 'status', fields.status);
    if (fields.budget !== undefined) writeValue(entity, 'budget', fields.budget);
    if (fields.contractEnd !== undefined) writeValue(entity, 'contractEnd', fields.contractEnd);
  });
  return true;
}

/** Adds or removes one hub or locality of an action; a set, so concurrent changes to others survive. */
export function setActionLocality(doc: Y.Doc, id: string, locality: string, included: boolean): boolean {
  const entity = tocFields(doc, 'action', id);
  const name = locality.trim().slice(0, theoryOfChangeLimits.locality);
  if (!entity || name === '') return false;
  doc.transact(() => toggleSetMember(entity, 'localities', name, included));
  return true;
}

/** Tags an action with an age stage, or removes the tag. */
export function setActionAgeStage(doc: Y.Doc, id: string, stage: AgeStage, included: boolean): boolean {
  const entity = tocFields(doc, 'action', id);
  if (!entity) return false;
  doc.transact(() => toggleSetMember(entity, 'ageStages', stage, included));
  return true;
}

/** Moves an action to a position in the offer. Returns false when it is missing, invalid or deleted. */
export function moveAction(doc: Y.Doc, id: string, index: number): boolean {
  const action = readTocEntity(doc, 'action', id);
  if (!action || action.deletedAt !== null) return false;
  const siblings = readActions(doc).actions.filter((other) => other.id !== id);
  doc.transact(() => {
    for (const [changedId, order] of planMove(siblings, id, index)) {
      const entity = tocFields(doc, 'action', changedId);
      if (entity && entity.get('order') !== order) entity.set('order', order);
    }
  });
  return true;
}

/**
 * Soft-deletes an action: its links are hidden with it and come back on restore, so the delete is undoable and an
 * edit someone makes at the same time is kept.
 */
export function deleteAction(doc: Y.Doc, id: string, by: string | null): boolean {
  return markDeleted(doc, 'action', id, by);
}

/** Restores a deleted action with its links. */
export function restoreAction(doc: Y.Doc, id: string): boolean {
  return clearDeleted(doc, 'action', id);
}

/** The shared text behind an action's name or provider, for an editor binding; null if there is none. */
export function actionText(doc: Y.Doc, id: string, field: ActionTextField): Y.Text | null {
  const value = tocFields(doc, 'action', id)?.get(field);
  return value instanceof Y.Text ? value : null;
}

/** Adds a performance measure under one of the three RBA questions; returns its id, or null without the action. */
export function addMeasure(doc: Y.Doc, actionId: string, kind: MeasureKind, text: string): string | null {
  const entity = tocFields(doc, 'action', actionId);
  if (!entity) return null;
  let id = '';
  doc.transact(() => {
    id = appendItem(entity, 'measures', text, theoryOfChangeLimits.measure, { kind });
  });
  return id;
}

/** Removes a performance measure. */
export function removeMeasure(doc: Y.Doc, actionId: string, measureId: string): boolean {
  const entity = tocFields(doc, 'action', actionId);
  if (!entity) return false;
  let removed = false;
  doc.transact(() => {
    removed = removeItem(entity, 'measures', measureId);
  });
  return removed;
}

/** Moves a measure to a position among those of its question. */
export function moveMeasure(doc: Y.Doc, actionId: string, measureId: string, index: number): boolean {
  const entity = tocFields(doc, 'action', actionId);
  const action = readTocEntity(doc, 'action', actionId);
  const measure = action?.measures.find((candidate) => candidate.id === measureId);
  if (!entity || !action || !measure) return false;
  const siblings = action.measures.filter((candidate) => candidate.kind === measure.kind);
  let moved = false;
  doc.transact(() => {
    moved = moveItem(entity, 'measures', siblings, measureId, index);
  });
  return moved;
}

/** The shared text of a measure, for an editor binding. */
export function measureText(doc: Y.Doc, actionId: string, measureId: string): Y.Text | null {
  return itemText(tocFields(doc, 'action', actionId), 'measures', measureId);
}
