import * as Y from 'yjs';
import {
  IndicatorDraftSchema,
  IndicatorPatchSchema,
  frameworkLimits,
  type IndicatorDraft,
  type IndicatorPatch,
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
import { readIndicator, readOutcome } from './entities.ts';
import { planPlacement, type SiblingTest } from './placement.ts';
import { entityText, restore, softDelete, writeOrderKeys } from './entityWrites.ts';

/**
 * Where to put an indicator. An indicator has one order key, and each outcome lists its indicators by it, so a
 * position is given in the list of one outcome. Without an outcome it is a position in the list of all indicators.
 */
export interface IndicatorPlacement {
  outcomeId?: string;
  index?: number;
}

/** The co-typed text fields of an indicator. */
export type IndicatorTextField = 'name' | 'definition';

// Indicators hidden with a deleted outcome may be among these; they keep their place for when they come back.
function servesOutcome(outcomeId: string | undefined): SiblingTest {
  return (fields) => {
    const outcomeIds = fields.get('outcomeIds');
    return outcomeId === undefined || (outcomeIds instanceof Y.Map && outcomeIds.get(outcomeId) === true);
  };
}

/** Adds an indicator serving the given outcomes (after all others unless placed) and returns its id. */
export function addIndicator(doc: Y.Doc, draft: IndicatorDraft, placement: IndicatorPlacement = {}): string {
  const fields = IndicatorDraftSchema.parse(draft);
  const id = newEntityId();
  doc.transact(() => {
    const order = planPlacement(doc, 'indicator', servesOutcome(placement.outcomeId), id, placement.index);
    const entity = ensureEntity(doc, 'indicator', id);
    writeText(entity, 'name', fields.name, frameworkLimits.name);
    writeText(entity, 'definition', fields.definition, frameworkLimits.definition);
    writeSet(entity, 'outcomeIds', fields.outcomeIds);
    entity.set('scope', fields.scope);
    entity.set('templateId', fields.templateId);
    writeOrderKeys(doc, 'indicator', order);
  });
  return id;
}

/** Changes an indicator's fields in place; texts change by a minimal edit. Returns false when there is none. */
export function updateIndicator(doc: Y.Doc, id: string, patch: IndicatorPatch): boolean {
  const entity = entityFields(doc, 'indicator', id);
  if (!entity) return false;
  const fields = IndicatorPatchSchema.parse(patch);
  doc.transact(() => {
    if (fields.name !== undefined) writeText(entity, 'name', fields.name, frameworkLimits.name);
    if (fields.definition !== undefined) writeText(entity, 'definition', fields.definition, frameworkLimits.definition);
    if (fields.scope !== undefined) writePlain(entity, 'scope', fields.scope);
  });
  return true;
}

/** Makes an indicator serve one more outcome; links are a set, so concurrent links to other outcomes all survive. */
export function linkIndicator(doc: Y.Doc, id: string, outcomeId: string): boolean {
  const entity = entityFields(doc, 'indicator', id);
  if (!entity || !readOutcome(doc, outcomeId)) return false;
  doc.transact(() => toggleSetMember(entity, 'outcomeIds', outcomeId, true));
  return true;
}

/** Stops an indicator serving an outcome. An indicator left serving none stays, listed as unlinked. */
export function unlinkIndicator(doc: Y.Doc, id: string, outcomeId: string): boolean {
  const entity = entityFields(doc, 'indicator', id);
  if (!entity) return false;
  doc.transact(() => toggleSetMember(entity, 'outcomeIds', outcomeId, false));
  return true;
}

/** Moves an indicator to a position in one outcome's list of indicators. Returns false when it is missing or hidden. */
export function moveIndicator(doc: Y.Doc, id: string, placement: IndicatorPlacement): boolean {
  const indicator = readIndicator(doc, id);
  if (!indicator) return false;
  doc.transact(() => {
    writeOrderKeys(
      doc,
      'indicator',
      planPlacement(doc, 'indicator', servesOutcome(placement.outcomeId), id, placement.index),
    );
  });
  return true;
}

/** Soft-deletes an indicator (its metrics are hidden with it). Undo with restoreIndicator. */
export function deleteIndicator(doc: Y.Doc, id: string, by: string | null): boolean {
  return softDelete(doc, 'indicator', id, by);
}

/** Restores a deleted indicator with its metrics. */
export function restoreIndicator(doc: Y.Doc, id: string): boolean {
  return restore(doc, 'indicator', id);
}

/** The shared text behind an indicator's name or definition, for an editor binding; null if there is none. */
export function indicatorText(doc: Y.Doc, id: string, field: IndicatorTextField): Y.Text | null {
  return entityText(doc, 'indicator', id, field);
}
