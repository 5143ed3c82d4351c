import type * as Y from 'yjs';
import {
  OutcomeDraftSchema,
  OutcomePatchSchema,
  frameworkLimits,
  type AgeStage,
  type Domain,
  type Level,
  type OutcomeDraft,
  type OutcomePatch,
} from '../../schemas/framework.ts';
import {
  ensureEntity,
  entityFields,
  newEntityId,
  toggleSetMember,
  writePlain,
  writeSet,
  writeText,
} from './docShape.ts';
import { readOutcome } from './entities.ts';
import { planPlacement, type SiblingTest } from './placement.ts';
import { entityText, restore, softDelete, writeOrderKeys } from './entityWrites.ts';

/** Where to put an outcome: a grid cell (defaults to where it is) and a position in it (defaults to the end). */
export interface OutcomePlacement {
  domain?: Domain;
  level?: Level;
  index?: number;
}

/** The co-typed text fields of an outcome. */
export type OutcomeTextField = 'statement' | 'description';

function inCell(domain: Domain, level: Level): SiblingTest {
  return (fields) => fields.get('domain') === domain && fields.get('level') === level;
}

/** Adds an outcome to a grid cell (at the end unless an index is given) and returns its id. */
export function addOutcome(doc: Y.Doc, draft: OutcomeDraft, placement: Pick<OutcomePlacement, 'index'> = {}): string {
  const fields = OutcomeDraftSchema.parse(draft);
  const id = newEntityId();
  doc.transact(() => {
    const order = planPlacement(doc, 'outcome', inCell(fields.domain, fields.level), id, placement.index);
    const entity = ensureEntity(doc, 'outcome', id);
    writeText(entity, 'statement', fields.statement, frameworkLimits.statement);
    writeText(entity, 'description', fields.description, frameworkLimits.description);
    writeSet(entity, 'ageStages', fields.ageStages);
    entity.set('domain', fields.domain);
    entity.set('level', fields.level);
    entity.set('scope', fields.scope);
    entity.set('templateId', fields.templateId);
    writeOrderKeys(doc, 'outcome', order);
  });
  return id;
}

/** Changes an outcome's fields in place; texts change by a minimal edit. Returns false when there is no such outcome. */
export function updateOutcome(doc: Y.Doc, id: string, patch: OutcomePatch): boolean {
  const entity = entityFields(doc, 'outcome', id);
  if (!entity) return false;
  const fields = OutcomePatchSchema.parse(patch);
  doc.transact(() => {
    if (fields.statement !== undefined) writeText(entity, 'statement', fields.statement, frameworkLimits.statement);
    if (fields.description !== undefined) {
      writeText(entity, 'description', fields.description, frameworkLimits.description);
    }
    if (fields.ageStages !== undefined) writeSet(entity, 'ageStages', fields.ageStages);
    if (fields.scope !== undefined) writePlain(entity, 'scope', fields.scope);
  });
  return true;
}

/** Tags an outcome with an age stage, or removes the tag. Returns false when there is no such outcome. */
export function setOutcomeAgeStage(doc: Y.Doc, id: string, stage: AgeStage, included: boolean): boolean {
  const entity = entityFields(doc, 'outcome', id);
  if (!entity) return false;
  doc.transact(() => toggleSetMember(entity, 'ageStages', stage, included));
  return true;
}

/**
 * Moves an outcome to a position in a grid cell (another cell, or the same one to reorder). Returns false when the
 * outcome is missing, invalid or deleted.
 */
export function moveOutcome(doc: Y.Doc, id: string, placement: OutcomePlacement): boolean {
  const outcome = readOutcome(doc, id);
  const entity = entityFields(doc, 'outcome', id);
  if (!outcome || !entity) return false;
  const domain = placement.domain ?? outcome.domain;
  const level = placement.level ?? outcome.level;
  doc.transact(() => {
    const changes = planPlacement(doc, 'outcome', inCell(domain, level), id, placement.index);
    // Cell and key are written together even when unchanged: two people moving the same outcome at once then have
    // one of the two moves win whole, rather than the domain of one and the level of the other.
    entity.set('domain', domain);
    entity.set('level', level);
    entity.set('order', changes.get(id) ?? outcome.order);
    changes.delete(id);
    writeOrderKeys(doc, 'outcome', changes);
  });
  return true;
}

/** Soft-deletes an outcome; its indicators are hidden while every outcome they serve is deleted. Undo with restore. */
export function deleteOutcome(doc: Y.Doc, id: string, by: string | null): boolean {
  return softDelete(doc, 'outcome', id, by);
}

/** Restores a deleted outcome, with the indicators and metrics that were hidden with it. */
export function restoreOutcome(doc: Y.Doc, id: string): boolean {
  return restore(doc, 'outcome', id);
}

/** The shared text behind an outcome's statement or description, for an editor binding; null if there is none. */
export function outcomeText(doc: Y.Doc, id: string, field: OutcomeTextField): Y.Text | null {
  return entityText(doc, 'outcome', id, field);
}
