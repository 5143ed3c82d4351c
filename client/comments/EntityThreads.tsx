import { useId, useState } from 'react';
import type { CommentThread, EntityAnchor } from '../../shared/schemas/comments.ts';
import { createThread } from '../api/comments.ts';
import { CommentForm } from './CommentForm.tsx';
import { useCommentThreadsContext } from './CommentThreadsContext.ts';
import { ThreadCard } from './ThreadCard.tsx';
import { useEntityThreads } from './useEntityThreads.ts';

export interface EntityThreadsProps {
  /** What the threads are attached to; for evidence, without a period (the person chooses one). */
  anchor: EntityAnchor;
  /** What a thread here is about, as its card heads it: "Data mapping: % of children…". */
  subject: string;
  /** The same, as the end of "Comment on …": "the data mapping of % of children…". */
  about: string;
  /** For evidence: the chart's periods, oldest first; the latest is chosen for a new comment. */
  periods?: readonly string[];
  /** The level of each thread's heading. */
  headingLevel?: 3 | 4 | 5;
}

/** The subject of one thread: an evidence thread says which period it is about. */
function threadSubject(thread: CommentThread, subject: string): string {
  return thread.anchor.kind === 'entity' && thread.anchor.period ? `${subject}, ${thread.anchor.period}` : subject;
}

/** The threads on one entity anchor, each with reply, resolve and reopen, and the form to start another. */
export function EntityThreads({ anchor, subject, about, periods, headingLevel = 4 }: EntityThreadsProps) {
  const { partnershipId, members, canComment, cannotCommentReason, loaded, linkedThreadId } =
    useCommentThreadsContext();
  const { threads, open } = useEntityThreads(anchor);
  const id = useId();
  const latest = periods && periods.length > 0 ? periods[periods.length - 1]! : '';
  // The chosen period; null until someone chooses, so the latest stays preselected as new data arrive.
  const [chosenPeriod, setChosenPeriod] = useState<string | null>(null);
  const period = chosenPeriod ?? latest;
  const shown = threads.filter((thread) => thread.status === 'open');
  const resolved = threads.filter((thread) => thread.status === 'resolved');
  const card = (thread: CommentThread) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        subject={threadSubject(thread, subject)}
        anchorState={null}
        selected={thread.id === linkedThreadId}
        canComment={canComment}
        members={members}
        headingLevel={headingLevel}
      />
    </li>
  );

  return (
    <div className="entity-comments__body">
      {!loaded ? <p className="muted loading">Loading comments…</p> : null}
      {loaded && open === 0 ? <p className="muted">No open comments on {about}.</p> : null}
      {shown.length > 0 ? <ul className="comments-panel__list">{shown.map(card)}</ul> : null}
      {resolved.length > 0 ? (
        <details className="entity-comments__resolved">
          <summary>Resolved comments ({resolved.length})</summary>
          <ul className="comments-panel__list">{resolved.map(card)}</ul>
        </details>
      ) : null}
      {canComment ? (
        <div className="entity-comments__new">
          {periods && periods.length > 0 ? (
            <div className="field">
              <label htmlFor={`${id}-period`}>Period the comment is about</label>
              <select id={`${id}-period`} value={period} onChange={(event) => setChosenPeriod(event.target.value)}>
                <option value="">The whole chart</option>
                {[...periods].reverse().map((each) => (
                  <option key={each} value={each}>
                    {each}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <CommentForm
            label={`Comment on ${about}`}
            submitLabel="Add comment"
            members={members}
            onSubmit={async (comment) => {
              await createThread(partnershipId, {
                anchor: period && anchor.aspect === 'evidence' ? { ...anchor, period } : anchor,
                ...comment,
              });
            }}
          />
        </div>
      ) : (
        <p className="hint" data-testid="cannot-comment">
          {cannotCommentReason}
        </p>
      )}
    </div>
  );
}
