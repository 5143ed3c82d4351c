import type * as Y from 'yjs';
import { readIndicator, readMetric, readOutcome } from '../../shared/model/framework/index.ts';
import { parseNarrativeKey, textAnchorState } from '../../shared/model/narratives/index.ts';
import { readTocEntity } from '../../shared/model/theoryOfChange/readEntities.ts';
import type { CommentAnchor, EntityAnchor } from '../../shared/schemas/comments.ts';

/** Why an anchor was refused, in words for the error message; null when it is fine. */
export function anchorProblem(doc: Y.Doc, anchor: CommentAnchor): string | null {
  if (anchor.kind === 'entity') return entityAnchorProblem(doc, anchor);
  const target = parseNarrativeKey(anchor.narrativeKey);
  if (!target) return 'That is not a narrative of this partnership.';
  if (target.kind === 'outcome' && !readOutcome(doc, target.id)) return 'There is no such outcome in this partnership.';
  if (target.kind === 'indicator' && !readIndicator(doc, target.id)) {
    return 'There is no such indicator in this partnership.';
  }
  // 'unknown' is accepted: the passage may have been typed a moment ago and not have reached the server yet.
  return textAnchorState(doc, anchor) === 'elsewhere' ? 'The passage is not in that narrative.' : null;
}

// The request schema refuses an aspect or period in the wrong place too; checked again here because the anchor type
// allows them, so a caller that skips the schema still cannot store one.
function entityAnchorProblem(doc: Y.Doc, anchor: EntityAnchor): string | null {
  if (anchor.aspect !== undefined && anchor.entityKind !== 'metric')
    return 'Only a metric has a data mapping or evidence.';
  if (anchor.period !== undefined && anchor.aspect !== 'evidence') return 'A period is only for comments on evidence.';
  if (anchor.entityKind === 'link') return linkProblem(doc, anchor.entityId);
  const read = { outcome: readOutcome, indicator: readIndicator, metric: readMetric }[anchor.entityKind];
  return read(doc, anchor.entityId) ? null : `There is no such ${anchor.entityKind} in this partnership.`;
}

/** A link is commented on only while it is part of the theory of change: not deleted, nor hidden with its action. */
function linkProblem(doc: Y.Doc, linkId: string): string | null {
  const link = readTocEntity(doc, 'link', linkId);
  if (!link) return 'There is no such theory-of-change link in this partnership.';
  const action = readTocEntity(doc, 'action', link.actionId);
  if (link.deletedAt !== null || !action || action.deletedAt !== null) {
    return 'That theory-of-change link has been deleted.';
  }
  return null;
}

/** How the audit log names an entity anchor: `outcome:<id>`, `link:<id>`, `metric:<id>:evidence:2024/25`… */
export function entityAnchorKey(anchor: EntityAnchor): string {
  return [anchor.entityKind, anchor.entityId, anchor.aspect, anchor.period]
    .filter((part) => part !== undefined)
    .join(':');
}
