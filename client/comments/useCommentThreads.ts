import { useEffect, useState } from 'react';
import { observeThreads, readThreads } from '../../shared/model/comments/projection.ts';
import { commentsDocName } from '../../shared/protocol/docNames.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import { useDoc } from '../sync/useDoc.ts';

/**
 * The partnership's comment threads, live: read from the server-written comments doc, which the server updates after
 * every change made through the API (nobody writes it over the socket).
 */
export function useCommentThreads(partnershipId: string): { threads: CommentThread[]; loaded: boolean } {
  const { session, state } = useDoc(commentsDocName(partnershipId));
  const doc = session?.doc ?? null;
  const [threads, setThreads] = useState<CommentThread[]>([]);
  useEffect(() => {
    if (!doc) return;
    const refresh = (): void => setThreads(readThreads(doc));
    refresh();
    return observeThreads(doc, refresh);
  }, [doc]);
  const loaded = state.localLoaded || state.connection.kind === 'connected';
  return { threads, loaded };
}
