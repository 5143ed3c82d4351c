import { useCallback, useEffect, useRef, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { observeThreads } from '../../shared/model/comments/projection.ts';
import { commentsDocName } from '../../shared/protocol/docNames.ts';
import { fetchMentions } from '../api/comments.ts';
import { useDoc } from '../sync/useDoc.ts';

/** How often the unread count is checked while the app is open, for mentions in partnerships not on screen. */
const pollMs = 60_000;
/** Comments often arrive in bursts (a reply, then its edit): one check after they settle. */
const settleMs = 400;

/** The partnership whose screens are open, from the address (`/p/:id/…`), or null elsewhere. */
function partnershipInView(pathname: string): string | null {
  return /^\/p\/([a-z0-9][a-z0-9-]{0,62})(?:\/|$)/.exec(pathname)?.[1] ?? null;
}

/**
 * Calls `onChange` whenever the partnership's comment threads change: the server writes every new comment, reply and
 * resolution into the read-only comments doc the moment it is made, so a mention shows in the badge at once.
 */
function CommentsWatcher({ partnershipId, onChange }: { partnershipId: string; onChange: () => void }) {
  const { session } = useDoc(commentsDocName(partnershipId));
  const doc = session?.doc ?? null;
  useEffect(() => {
    if (!doc) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = observeThreads(doc, () => {
      clearTimeout(timer);
      timer = setTimeout(onChange, settleMs);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [doc, onChange]);
  return null;
}

/** Sent on `window` when this tab marks mentions read (opening, replying to or resolving a thread). */
export const mentionsChangedEvent = 'cg:mentions-changed';

/** "Mentions" in the header, with how many are unread (in words for screen readers, not only a badge). */
export function MentionsLink() {
  const [unread, setUnread] = useState(0);
  const { pathname } = useLocation();
  const controller = useRef<AbortController | null>(null);
  const check = useCallback((): void => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    fetchMentions(current.signal).then(
      (inbox) => setUnread(inbox.unreadCount),
      () => {}, // a failed check keeps the last count; the inbox itself reports problems
    );
  }, []);
  useEffect(() => {
    check();
    const timer = setInterval(check, pollMs);
    window.addEventListener('focus', check);
    window.addEventListener(mentionsChangedEvent, check);
    return () => {
      controller.current?.abort();
      clearInterval(timer);
      window.removeEventListener('focus', check);
      window.removeEventListener(mentionsChangedEvent, check);
    };
  }, [pathname, check]);
  const partnershipId = partnershipInView(pathname);
  return (
    <NavLink to="/mentions" data-testid="mentions-link">
      {partnershipId ? <CommentsWatcher partnershipId={partnershipId} onChange={check} /> : null}
      Mentions
      {unread > 0 ? (
        <>
          {' '}
          <span className="count-badge" aria-hidden="true">
            {unread}
          </span>
          <span className="visually-hidden">({unread} unread)</span>
        </>
      ) : null}
    </NavLink>
  );
}
