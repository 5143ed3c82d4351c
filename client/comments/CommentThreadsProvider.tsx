import { useCallback, useMemo, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';
import { roleCan, roleDescriptions, type Role } from '../../shared/model/roles.ts';
import { listMembers } from '../api/partnerships.ts';
import { useApiData } from '../api/useApiData.ts';
import { usePartnership } from '../screens/partnership/PartnershipContext.ts';
import { useMe } from '../session/useSession.ts';
import { CommentThreadsContext, type CommentThreadsValue } from './CommentThreadsContext.ts';
import { useCommentThreads } from './useCommentThreads.ts';

/** Why someone in this role cannot comment, or null when they can. */
export function cannotCommentReason(role: Role | null): string | null {
  if (role === null) return 'You are not a member of this partnership, so you can read comments but not add them.';
  if (roleCan(role, 'comment')) return null;
  return `You are a ${roleDescriptions[role].label.toLowerCase()} here, so you can read comments but not add or answer them. A facilitator can change your role.`;
}

/**
 * Opens the partnership's comments doc once for the whole screen and loads its members once, so every comment control
 * on it (one per outcome, metric row or link) shares one socket and one request.
 */
export function CommentThreadsProvider({ children }: { children: ReactNode }) {
  const { partnership } = usePartnership();
  const me = useMe();
  const { threads, loaded } = useCommentThreads(partnership.id);
  const loadMembers = useCallback((signal: AbortSignal) => listMembers(partnership.id, signal), [partnership.id]);
  const members = useApiData(loadMembers);
  const role = partnership.myRole;
  const [search] = useSearchParams();
  const linkedThreadId = search.get('thread');
  const value = useMemo<CommentThreadsValue>(() => {
    const reason = cannotCommentReason(role);
    return {
      partnershipId: partnership.id,
      threads,
      loaded,
      members: members.status === 'ready' ? members.data.filter((member) => member.userId !== me.user.id) : [],
      canComment: reason === null,
      cannotCommentReason: reason,
      linkedThreadId,
    };
  }, [partnership.id, threads, loaded, members, role, me.user.id, linkedThreadId]);
  return <CommentThreadsContext.Provider value={value}>{children}</CommentThreadsContext.Provider>;
}
