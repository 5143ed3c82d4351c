import * as Y from 'yjs';
import {
  AssumptionDraftSchema,
  TheoryOfChangeLinkDraftSchema,
  TheoryOfChangeLinkPatchSchema,
  theoryOfChangeLimits,
  type AssumptionDraft,
  type LinkTarget,
  type TheoryOfChangeLinkDraft,
  type TheoryOfChangeLinkPatch,
} from '../../schemas/theoryOfChange.ts';
import { readIndicator, readOutcome } from '../framework/entities.ts';
import { newEntityId, writeText } from '../framework/docShape.ts';
import { sharedItem, tocFields, tocMap } from './docShape.ts';
import { appendItem, itemText, removeItem } from './itemLists.ts';
import { readAllTocEntities, readTocEntity } from './readEntities.ts';
import { clearDeleted, markDeleted } from './softDelete.ts';

/** Why a link was refused, for the person who tried it. */
export type LinkRefusal = 'action-missing' | 'action-deleted' | 'target-missing' | 'target-removed' | 'already-linked';

/** The result of adding or re-pointing a link. */
export type LinkResult = { ok: true; id: string } | { ok: false; reason: LinkRefusal; message: string };

const refusalMessages: Record<LinkRefusal, string> = {
  'action-missing': 'That action is not in the offer.',
  'action-deleted': 'That action has been deleted. Restore it before linking it.',
  'target-missing': 'That outcome or indicator is not in this framework.',
  'target-removed': 'That outcome or indicator has been removed from the framework. Choose another.',
  'already-linked': 'This action is already linked to that outcome or indicator.',
};

function refuse(reason: LinkRefusal): LinkResult {
  return { ok: false, reason, message: refusalMessages[reason] };
}

/** Whether a target is in the framework and live; which refusal applies when it is not. */
function targetRefusal(doc: Y.Doc, target: LinkTarget): LinkRefusal | null {
  if (target.kind === 'outcome') {
    if (readOutcome(doc, target.id)) return null;
    return readOutcome(doc, target.id, { includeDeleted: true }) ? 'target-removed' : 'target-missing';
  }
  if (readIndicator(doc, target.id)) return null;
  return readIndicator(doc, target.id, { includeDeleted: true }) ? 'target-removed' : 'target-missing';
}

/** Whether a live link other than `exceptId` already joins this action to this target. */
function isAlreadyLinked(doc: Y.Doc, actionId: string, target: LinkTarget, exceptId: string | null): boolean {
  return readAllTocEntities(doc, 'link').items.some(
    (link) =>
      link.id !== exceptId &&
      link.deletedAt === null &&
      link.actionId === actionId &&
      link.targetKind === target.kind &&
      link.targetId === target.id,
  );
}

/**
 * Links an action to the outcome or indicator it is meant to move. Refused (nothing written) when the action is
 * missing or deleted, the target is missing or deleted, or the two are already linked.
 */
export function addLink(doc: Y.Doc, draft: TheoryOfChangeLinkDraft): LinkResult {
  const fields = TheoryOfChangeLinkDraftSchema.parse(draft);
  const action = readTocEntity(doc, 'action', fields.actionId);
  if (!action) return refuse('action-missing');
  if (action.deletedAt !== null) return refuse('action-deleted');
  const refusal = targetRefusal(doc, fields.target);
  if (refusal) return refuse(refusal);
  if (isAlreadyLinked(doc, fields.actionId, fields.target, null)) return refuse('already-linked');
  const id = newEntityId();
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    tocMap(doc, 'link').set(id, entity);
    entity.set('actionId', fields.actionId);
    entity.set('targetKind', fields.target.kind);
    entity.set('targetId', fields.target.id);
    writeText(entity, 'mechanism', fields.mechanism, theoryOfChangeLimits.mechanism);
    entity.set('evidence', fields.evidence);
    entity.set('timeframe', fields.timeframe);
    entity.set('assumptions', new Y.Map<unknown>());
    entity.set('createdAt', new Date().toISOString());
  });
  return { ok: true, id };
}

/** Changes a link's mechanism (by a minimal edit), evidence strength or timeframe. False when there is no such link. */
export function updateLink(doc: Y.Doc, id: string, patch: TheoryOfChangeLinkPatch): boolean {
  const entity = tocFields(doc, 'link', id);
  if (!entity) return false;
  const fields = TheoryOfChangeLinkPatchSchema.parse(patch);
  doc.transact(() => {
    if (fields.mechanism !== undefined) {
      writeText(entity, 'mechanism', fields.mechanism, theoryOfChangeLimits.mechanism);
    }
    if (fields.evidence !== undefined && entity.get('evidence') !== fields.evidence) {
      entity.set('evidence', fields.evidence);
    }
    if (fields.timeframe !== undefined && entity.get('timeframe') !== fields.timeframe) {
      entity.set('timeframe', fields.timeframe);
    }
  });
  return true;
}

/**
 * Points a link at another outcome or indicator, keeping its mechanism, assumptions and evidence: how a link whose
 * outcome was removed is resolved. Refused like a new link when the target is not live or already linked.
 */
export function repointLink(doc: Y.Doc, id: string, target: LinkTarget): LinkResult {
  const link = readTocEntity(doc, 'link', id);
  const entity = tocFields(doc, 'link', id);
  if (!link || !entity) return refuse('target-missing');
  const refusal = targetRefusal(doc, target);
  if (refusal) return refuse(refusal);
  if (isAlreadyLinked(doc, link.actionId, target, id)) return refuse('already-linked');
  doc.transact(() => {
    // Kind and id are written together even when one is unchanged, so two concurrent re-points each win whole.
    entity.set('targetKind', target.kind);
    entity.set('targetId', target.id);
  });
  return { ok: true, id };
}

/** Soft-deletes a link; undo with restoreLink. */
export function deleteLink(doc: Y.Doc, id: string, by: string | null): boolean {
  return markDeleted(doc, 'link', id, by);
}

/** Restores a deleted link (shown as "removed" if its outcome has gone meanwhile). */
export function restoreLink(doc: Y.Doc, id: string): boolean {
  return clearDeleted(doc, 'link', id);
}

/** The shared text of a link's mechanism, for an editor binding; null when there is none. */
export function mechanismText(doc: Y.Doc, id: string): Y.Text | null {
  const value = tocFields(doc, 'link', id)?.get('mechanism');
  return value instanceof Y.Text ? value : null;
}

/** Adds an assumption to a link's checklist; returns its id, or null when there is no such link. */
export function addAssumption(doc: Y.Doc, linkId: string, draft: AssumptionDraft): string | null {
  const entity = tocFields(doc, 'link', linkId);
  if (!entity) return null;
  const fields = AssumptionDraftSchema.parse(draft);
  let id = '';
  doc.transact(() => {
    id = appendItem(entity, 'assumptions', fields.text, theoryOfChangeLimits.assumption, {
      owner: fields.owner,
      checked: fields.checked,
    });
  });
  return id;
}

/** Changes who owns an assumption or whether it has been checked. False when there is no such assumption. */
export function updateAssumption(
  doc: Y.Doc,
  linkId: string,
  assumptionId: string,
  change: { owner?: string; checked?: boolean },
): boolean {
  const entity = tocFields(doc, 'link', linkId);
  const item = entity ? sharedItem(entity, 'assumptions', assumptionId) : null;
  if (!item) return false;
  doc.transact(() => {
    const owner = change.owner?.slice(0, theoryOfChangeLimits.owner);
    if (owner !== undefined && item.get('owner') !== owner) item.set('owner', owner);
    if (change.checked !== undefined && item.get('checked') !== change.checked) item.set('checked', change.checked);
  });
  return true;
}

/** Removes an assumption from a link's checklist. */
export function removeAssumption(doc: Y.Doc, linkId: string, assumptionId: string): boolean {
  const entity = tocFields(doc, 'link', linkId);
  if (!entity) return false;
  let removed = false;
  doc.transact(() => {
    removed = removeItem(entity, 'assumptions', assumptionId);
  });
  return removed;
}

/** The shared text of an assumption, for an editor binding. */
export function assumptionText(doc: Y.Doc, linkId: string, assumptionId: string): Y.Text | null {
  return itemText(tocFields(doc, 'link', linkId), 'assumptions', assumptionId);
}
