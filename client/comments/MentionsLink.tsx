import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { fetchMentions } from '../api/comments.ts';

/** How often the unread count is checked while the app is open. */
const pollMs = 60_000;

/** "Mentions" in the header, with how many are unread (in words for screen readers, not only a badge). */
export function MentionsLink() {
  const [unread, setUnread] = useState(0);
  const { pathname } = useLocation();
  useEffect(() => {
    const controller = new AbortController();
    const check = (): void => {
      fetchMentions(controller.signal).then(
        (inbox) => setUnread(inbox.unreadCount),
        () => {}, // a failed check keeps the last count; the inbox itself reports problems
      );
    };
    check();
    const timer = setInterval(check, pollMs);
    window.addEventListener('focus', check);
    return () => {
      controller.abort();
      clearInterval(timer);
      window.removeEventListener('focus', check);
    };
  }, [pathname]);
  return (
    <NavLink to="/mentions" data-testid="mentions-link">
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
