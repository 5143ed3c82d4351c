import { createContext, useContext } from 'react';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import type { Member } from '../../shared/schemas/partnerships.ts';

/** What every comment control on one screen shares: the partnership's threads, who may be mentioned, and my rights. */
export interface CommentThreadsValue {
  partnershipId: string;
  /** Every thread of the partnership, live, oldest first. */
  threads: CommentThread[];
  /** Whether the threads have been read (from this device or the server) at least once. */
  loaded: boolean;
  /** The members I may mention: everyone but me. */
  members: Member[];
  canComment: boolean;
  /** Why I cannot comment, in words, when I cannot. */
  cannotCommentReason: string | null;
  /** The thread the address names (`?thread=`, from the mentions inbox): opened and brought into view. */
  linkedThreadId: string | null;
}

export const CommentThreadsContext = createContext<CommentThreadsValue | null>(null);

/** The comment threads of the screen; only inside a `CommentThreadsProvider`. */
export function useCommentThreadsContext(): CommentThreadsValue {
  const value = useContext(CommentThreadsContext);
  if (!value) throw new Error('useCommentThreadsContext is used outside a CommentThreadsProvider');
  return value;
}
