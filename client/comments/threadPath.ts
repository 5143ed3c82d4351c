import type { CommentAnchor } from '../../shared/schemas/comments.ts';

/**
 * The screen that shows a thread, with `?thread=` so it opens there: the data mapping for a metric's mapping, the
 * metric's evidence page for its chart, the offer for a theory-of-change link (its action is not in the anchor, so the
 * offer goes on to the action's page once it has read the links), and the needs assessment for passages and whole
 * outcomes, indicators and metrics.
 */
export function threadPath(partnershipId: string, threadId: string, anchor: CommentAnchor): string {
  const base = `/p/${encodeURIComponent(partnershipId)}`;
  const thread = `?thread=${encodeURIComponent(threadId)}`;
  if (anchor.kind === 'entity') {
    if (anchor.entityKind === 'link') {
      return `${base}/theory-of-change${thread}&link=${encodeURIComponent(anchor.entityId)}`;
    }
    if (anchor.aspect === 'data-mapping') return `${base}/data-mapping${thread}`;
    if (anchor.aspect === 'evidence') {
      return `${base}/evidence/metrics/${encodeURIComponent(anchor.entityId)}${thread}`;
    }
  }
  return `${base}/needs-assessment${thread}`;
}
