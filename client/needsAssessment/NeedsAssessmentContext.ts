import { createContext, useContext } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import type { PresenceUser } from '../../shared/model/presence.ts';
import type { CommentAnchor, CommentThread } from '../../shared/schemas/comments.ts';
import type { Member } from '../../shared/schemas/partnerships.ts';

/** A thread about to be started: where it will be attached and, in words, what about. */
export interface CommentDraft {
  anchor: CommentAnchor;
  about: string;
}

/** What every part of the needs assessment screen shares. */
export interface NeedsAssessmentValue {
  partnershipId: string;
  doc: Y.Doc | null;
  awareness: Awareness | null;
  me: PresenceUser;
  canEdit: boolean;
  canComment: boolean;
  readOnlyReason: string | null;
  threads: CommentThread[];
  members: Member[];
  selectedThreadId: string | null;
  openThread: (threadId: string) => void;
  startDraft: (draft: CommentDraft) => void;
  setEditing: (narrativeKey: string | undefined) => void;
}

export const NeedsAssessmentContext = createContext<NeedsAssessmentValue | null>(null);

/** The needs assessment screen's shared state; only inside that screen. */
export function useNeedsAssessment(): NeedsAssessmentValue {
  const value = useContext(NeedsAssessmentContext);
  if (!value) throw new Error('useNeedsAssessment is used outside the needs assessment screen');
  return value;
}
