import { useId, useMemo, useState } from 'react';
import { filterThreads, type ThreadFilter } from '../../shared/model/comments/filters.ts';
import type { Framework } from '../../shared/model/framework/index.ts';
import { textAnchorState } from '../../shared/model/narratives/anchors.ts';
import type { CommentThread } from '../../shared/schemas/comments.ts';
import { createThread } from '../api/comments.ts';
import { CommentForm } from '../comments/CommentForm.tsx';
import { ThreadCard } from '../comments/ThreadCard.tsx';
import { anchorSubject } from './anchorSubjects.ts';
import { useNeedsAssessment, type CommentDraft } from './NeedsAssessmentContext.ts';
import { useDocVersion } from './useDocVersion.ts';

const filterLabels: Record<ThreadFilter, string> = { open: 'Open', resolved: 'Resolved', mine: 'Involving me' };

/** The comment threads of the domain on screen, filtered, and the form for a new thread when one is started. */
export function CommentsPanel({
  threads,
  framework,
  draft,
  onDraftDone,
}: {
  threads: CommentThread[];
  framework: Framework;
  draft: CommentDraft | null;
  onDraftDone: (created: CommentThread | null) => void;
}) {
  const { doc, me, canComment, members, selectedThreadId, partnershipId } = useNeedsAssessment();
  const id = useId();
  const [filter, setFilter] = useState<ThreadFilter>('open');
  const version = useDocVersion(doc);
  const anchorStates = useMemo(() => {
    void version; // recomputed when the text changes: a deleted passage shows as "anchor removed"
    return new Map(
      threads.map((thread) => [
        thread.id,
        doc && thread.anchor.kind === 'text' ? textAnchorState(doc, thread.anchor) : null,
      ]),
    );
  }, [threads, doc, version]);
  const others = members.filter((member) => member.userId !== me.id);
  const shown = filterThreads(threads, filter, me.id);

  return (
    <aside className="comments-panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Comments</h2>
      {draft ? (
        <section className="comments-panel__draft" aria-labelledby={`${id}-draft`}>
          <h3 id={`${id}-draft`}>New comment on {draft.about}</h3>
          {draft.anchor.kind === 'text' ? (
            <blockquote className="thread-card__quote">{draft.anchor.quote}</blockquote>
          ) : null}
          <CommentForm
            label="Your comment"
            submitLabel="Add comment"
            members={others}
            autoFocus
            onSubmit={async (comment) => {
              const created = await createThread(partnershipId, { anchor: draft.anchor, ...comment });
              setFilter('open');
              onDraftDone(created);
            }}
            onCancel={() => onDraftDone(null)}
          />
        </section>
      ) : null}
      <fieldset className="fieldset comments-panel__filters">
        <legend className="fieldset__legend">Show</legend>
        <div className="radios radios--inline">
          {(Object.keys(filterLabels) as ThreadFilter[]).map((key) => (
            <div className="radio" key={key}>
              <input
                type="radio"
                id={`${id}-${key}`}
                name={`${id}-filter`}
                checked={filter === key}
                onChange={() => setFilter(key)}
              />
              <label htmlFor={`${id}-${key}`}>
                {filterLabels[key]} ({filterThreads(threads, key, me.id).length})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
      {shown.length === 0 ? (
        <p className="muted">
          {filter === 'open'
            ? canComment
              ? 'No open comments here. Select words in a narrative, or use “Comment on this outcome”, to start one.'
              : 'No open comments here.'
            : 'No comments to show.'}
        </p>
      ) : (
        <ul className="comments-panel__list">
          {shown.map((thread) => (
            <li key={thread.id}>
              <ThreadCard
                thread={thread}
                subject={anchorSubject(thread.anchor, framework)}
                anchorState={anchorStates.get(thread.id) ?? null}
                selected={thread.id === selectedThreadId}
                canComment={canComment}
                members={others}
              />
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
