import type * as Y from 'yjs';
import { readIndicator, readMetric, readOutcome } from '../../shared/model/framework/index.ts';
import { parseNarrativeKey, textAnchorState } from '../../shared/model/narratives/index.ts';
import type { CommentAnchor } from '../../shared/schemas/comments.ts';

/** Why an anchor was refused, in words for the error message; null when it is fine. */
export function anchorProblem(doc: Y.Doc, anchor: CommentAnchor): string | null {
  if (anchor.kind === 'entity') {
    const read = { outcome: readOutcome, indicator: readIndicator, metric: readMetric }[anchor.entityKind];
    return read(doc, anchor.entityId) ? null : `There is no such ${anchor.entityKind} in this partnership.`;
  }
  const target = parseNarrativeKey(anchor.narrativeKey);
  if (!target) return 'That is not a narrative of this partnership.';
  if (target.kind === 'outcome' && !readOutcome(doc, target.id)) return 'There is no such outcome in this partnership.';
  if (target.kind === 'indicator' && !readIndicator(doc, target.id)) {
    return 'There is no such indicator in this partnership.';
  }
  // 'unknown' is accepted: the passage may have been typed a moment ago and not have reached the server yet.
  return textAnchorState(doc, anchor) === 'elsewhere' ? 'The passage is not in that narrative.' : null;
}
