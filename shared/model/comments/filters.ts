import type { CommentEntityKind, CommentThread, MetricAspect } from '../../schemas/comments.ts';
import { anchorAspect } from './anchorLabels.ts';

/** The thread lists people can choose between. */
export type ThreadFilter = 'open' | 'resolved' | 'mine';

/** Whether a thread concerns me: I started it, wrote in it, or was mentioned in it. */
export function involves(thread: CommentThread, userId: string): boolean {
  return (
    thread.createdBy.id === userId ||
    thread.comments.some((comment) => comment.author.id === userId || comment.mentions.some((m) => m.id === userId))
  );
}

/** The threads a filter shows: open or resolved ones, or (mine) every one that involves me. */
export function filterThreads(
  threads: readonly CommentThread[],
  filter: ThreadFilter,
  userId: string,
): CommentThread[] {
  switch (filter) {
    case 'open':
      return threads.filter((thread) => thread.status === 'open');
    case 'resolved':
      return threads.filter((thread) => thread.status === 'resolved');
    case 'mine':
      return threads.filter((thread) => involves(thread, userId));
  }
}

/** The threads attached to one narrative's passages. */
export function threadsOnNarrative(threads: readonly CommentThread[], narrativeKey: string): CommentThread[] {
  return threads.filter((thread) => thread.anchor.kind === 'text' && thread.anchor.narrativeKey === narrativeKey);
}

/**
 * The threads attached to one entity as a whole. `aspect` narrows a metric's threads: null for those on the metric
 * itself, 'data-mapping' or 'evidence' for those on that side of it (every period); left out, every thread on it.
 */
export function threadsOnEntity(
  threads: readonly CommentThread[],
  entityKind: CommentEntityKind,
  entityId: string,
  options: { aspect?: MetricAspect | null } = {},
): CommentThread[] {
  return threads.filter(
    (thread) =>
      thread.anchor.kind === 'entity' &&
      thread.anchor.entityKind === entityKind &&
      thread.anchor.entityId === entityId &&
      (options.aspect === undefined || anchorAspect(thread.anchor) === options.aspect),
  );
}
