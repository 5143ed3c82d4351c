import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { messageFor } from '../api/ApiError.ts';
import { fetchMentions, markMentionsRead } from '../api/comments.ts';
import { useApiData } from '../api/useApiData.ts';
import { LoadFailure } from '../components/LoadFailure.tsx';
import { Page } from '../components/Page.tsx';
import { formatDateTime } from '../format.ts';
import { mentionsChangedEvent } from './MentionsLink.tsx';
import { threadPath } from './threadPath.ts';

/** Comments that mention me, newest first; unread ones marked in words, and a way to mark them read. */
export function MentionsScreen() {
  const load = useCallback((signal: AbortSignal) => fetchMentions(signal), []);
  const inbox = useApiData(load);
  const [problem, setProblem] = useState<string | null>(null);
  const { reload } = inbox;

  const markRead = async (ids?: string[]): Promise<void> => {
    setProblem(null);
    try {
      await markMentionsRead(ids);
      window.dispatchEvent(new Event(mentionsChangedEvent));
      reload();
    } catch (error) {
      setProblem(messageFor(error));
    }
  };

  const markOpened = async (id: string): Promise<void> => {
    try {
      await markMentionsRead([id]);
      window.dispatchEvent(new Event(mentionsChangedEvent));
    } catch {
      // Still unread: the inbox says so next time, and nothing else depends on it.
    }
  };

  return (
    <Page title="Mentions">
      <h1>Mentions</h1>
      <p className="lead">Comments in which someone mentioned you.</p>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {inbox.status === 'loading' ? <p className="muted loading">Loading…</p> : null}
      {inbox.status === 'failed' ? <LoadFailure what="your mentions" error={inbox.error} onRetry={reload} /> : null}
      {inbox.status === 'ready' ? (
        <>
          <p data-testid="mentions-unread">
            {inbox.data.unreadCount === 0
              ? 'You have no unread mentions.'
              : `You have ${inbox.data.unreadCount} unread ${inbox.data.unreadCount === 1 ? 'mention' : 'mentions'}.`}
          </p>
          {inbox.data.unreadCount > 0 ? (
            <button type="button" className="button--secondary" onClick={() => void markRead()}>
              Mark all as read
            </button>
          ) : null}
          <ul className="mentions-list">
            {inbox.data.mentions.map((mention) => (
              <li key={mention.id} className={mention.readAt ? 'mention' : 'mention mention--unread'}>
                <p className="mention__meta">
                  {mention.readAt ? null : <strong className="tag">Unread</strong>}{' '}
                  <strong>{mention.author.name}</strong> mentioned you in {mention.partnershipName},{' '}
                  {formatDateTime(mention.createdAt)}
                </p>
                <blockquote className="mention__excerpt">{mention.excerpt}</blockquote>
                <p className="button-group">
                  <Link
                    to={threadPath(mention.partnershipId, mention.threadId, mention.anchor)}
                    // Opening the thread is reading it: the badge goes down as the comment opens.
                    onClick={() => (mention.readAt ? undefined : void markOpened(mention.id))}
                  >
                    Open the comment<span className="visually-hidden"> in {mention.partnershipName}</span>
                  </Link>
                  {mention.readAt ? null : (
                    <button type="button" className="link-button" onClick={() => void markRead([mention.id])}>
                      Mark as read<span className="visually-hidden">: {mention.excerpt.slice(0, 40)}</span>
                    </button>
                  )}
                </p>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Page>
  );
}
