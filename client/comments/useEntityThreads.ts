import { useMemo } from 'react';
import { threadsOnEntity } from '../../shared/model/comments/filters.ts';
import type { CommentThread, EntityAnchor } from '../../shared/schemas/comments.ts';
import { useCommentThreadsContext } from './CommentThreadsContext.ts';

/**
 * The threads on one entity anchor (same entity and aspect, any period), open ones first, with how many are open and
 * whether the thread the address names is one of them.
 */
export function useEntityThreads(anchor: EntityAnchor): {
  threads: CommentThread[];
  open: number;
  resolved: number;
  linked: boolean;
} {
  const { threads, linkedThreadId } = useCommentThreadsContext();
  const { entityKind, entityId, aspect } = anchor;
  return useMemo(() => {
    const mine = threadsOnEntity(threads, entityKind, entityId, { aspect: aspect ?? null });
    const open = mine.filter((thread) => thread.status === 'open');
    const resolved = mine.filter((thread) => thread.status === 'resolved');
    return {
      threads: [...open, ...resolved],
      open: open.length,
      resolved: resolved.length,
      linked: mine.some((thread) => thread.id === linkedThreadId),
    };
  }, [threads, entityKind, entityId, aspect, linkedThreadId]);
}

/** "2 open comments", "no open comments": the count in words, for summaries and buttons. */
export function openCommentsWords(open: number): string {
  if (open === 0) return 'no open comments';
  return `${open} open ${open === 1 ? 'comment' : 'comments'}`;
}
