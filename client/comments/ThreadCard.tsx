import { useEffect, useId, useRef, useState } from 'react';
import type { AnchorState } from '../../shared/model/narratives/anchors.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import type { Member } from '../../shared/schemas/partnerships.ts';
import { messageFor } from '../api/ApiError.ts';
import { replyToThread, setThreadStatus } from '../api/comments.ts';
import { formatDateTime } from '../format.ts';
import { CommentForm } from './CommentForm.tsx';
import { mentionsChangedEvent } from './MentionsLink.tsx';

/** Replying to or resolving a thread marks my mentions in it read on the server: the header's badge checks again. */
function announceMentionsRead(): void {
  window.dispatchEvent(new Event(mentionsChangedEvent));
}

/** One thread: what it is about, the passage (or that it was deleted), its comments, a reply, resolve or reopen. */
export function ThreadCard({
  thread,
  subject,
  anchorState,
  selected,
  canComment,
  members,
  headingLevel = 3,
}: {
  thread: CommentThread;
  subject: string;
  anchorState: AnchorState | null;
  selected: boolean;
  canComment: boolean;
  members: readonly Member[];
  /** The subject's heading level, one below the section the card is listed in. */
  headingLevel?: 3 | 4 | 5;
}) {
  const Heading = `h${headingLevel}` as const;
  const id = useId();
  const card = useRef<HTMLElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [replying, setReplying] = useState(false);
  useEffect(() => {
    // Opened from a highlight in the text: bring it into view and move focus to it.
    if (selected) {
      card.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      card.current?.focus({ preventScroll: true });
    }
  }, [selected]);

  const changeStatus = async (): Promise<void> => {
    setProblem(null);
    try {
      await setThreadStatus(thread.id, thread.status === 'open' ? 'resolved' : 'open');
      announceMentionsRead();
    } catch (error) {
      setProblem(messageFor(error));
    }
  };

  return (
    <article
      ref={card}
      tabIndex={-1}
      className={`thread-card${selected ? ' thread-card--selected' : ''}${thread.status === 'resolved' ? ' thread-card--resolved' : ''}`}
      aria-labelledby={`${id}-subject`}
      data-testid="comment-thread"
    >
      <Heading className="thread-card__subject" id={`${id}-subject`}>
        {subject}
      </Heading>
      <p className="thread-card__tags">
        {thread.status === 'resolved' ? (
          <strong className="tag tag--grey">Resolved</strong>
        ) : (
          <strong className="tag">Open</strong>
        )}
        {anchorState === 'removed' ? <strong className="tag tag--orange">Anchor removed</strong> : null}
      </p>
      {thread.anchor.kind === 'text' ? (
        <blockquote
          className={
            anchorState === 'removed' ? 'thread-card__quote thread-card__quote--removed' : 'thread-card__quote'
          }
        >
          {anchorState === 'removed' ? <span className="visually-hidden">Deleted passage: </span> : null}
          {thread.anchor.quote}
        </blockquote>
      ) : null}
      <ol className="thread-card__comments">
        {thread.comments.map((comment) => (
          <li key={comment.id} className="comment">
            <p className="comment__meta">
              <strong>{comment.author.name}</strong> <span className="muted">{formatDateTime(comment.createdAt)}</span>
            </p>
            <p className="comment__body">{comment.body}</p>
            {comment.mentions.length > 0 ? (
              <p className="comment__mentions muted">Mentioned: {comment.mentions.map((m) => m.name).join(', ')}</p>
            ) : null}
          </li>
        ))}
      </ol>
      {thread.status === 'resolved' && thread.resolvedBy && thread.resolvedAt ? (
        <p className="muted">
          Resolved by {thread.resolvedBy.name}, {formatDateTime(thread.resolvedAt)}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {canComment ? (
        replying ? (
          <CommentForm
            label="Your reply"
            submitLabel="Reply"
            members={members}
            autoFocus
            onSubmit={async (comment) => {
              await replyToThread(thread.id, comment);
              announceMentionsRead();
              setReplying(false);
            }}
            onCancel={() => setReplying(false)}
          />
        ) : (
          <div className="button-group">
            <button type="button" className="button--small button--secondary" onClick={() => setReplying(true)}>
              Reply<span className="visually-hidden"> about {subject}</span>
            </button>
            <button type="button" className="button--small button--secondary" onClick={() => void changeStatus()}>
              {thread.status === 'open' ? 'Resolve' : 'Reopen'}
              <span className="visually-hidden"> the thread about {subject}</span>
            </button>
          </div>
        )
      ) : null}
    </article>
  );
}
