import { useId, useMemo, useState } from 'react';
import { threadsOnNarrative } from '../../shared/model/comments/filters.ts';
import { FieldPresence } from '../components/FieldPresence.tsx';
import { formatDateTime } from '../format.ts';
import { useWorkspaceDoc } from '../workspace/WorkspaceDocContext.ts';
import { LazyNarrativeEditor } from './LazyNarrativeEditor.tsx';
import { useNeedsAssessment } from './NeedsAssessmentContext.ts';
import { useEditRecorder } from './useEditRecorder.ts';
import { useNarrativeStats } from './useNarrativeStats.ts';

/** Word count and last edit of a narrative, in words. */
export function NarrativeMeta({ words, lastEdited, id }: ReturnType<typeof useNarrativeStats> & { id?: string }) {
  return (
    <p className="narrative-meta" id={id}>
      {words === 0 ? 'Nothing written yet' : `${words.toLocaleString('en-GB')} ${words === 1 ? 'word' : 'words'}`}
      {lastEdited ? ` · Last edited by ${lastEdited.byName}, ${formatDateTime(lastEdited.at)}` : null}
    </p>
  );
}

/** One narrative with its word count, last edit, and the live editor (read-only when I cannot edit). */
export function NarrativeField({ narrativeKey, label }: { narrativeKey: string; label: string }) {
  const context = useNeedsAssessment();
  const { doc, awareness, me, canEdit, canComment, readOnlyReason, threads, selectedThreadId } = context;
  const { people } = useWorkspaceDoc();
  const id = useId();
  const stats = useNarrativeStats(doc, narrativeKey);
  const recordEdit = useEditRecorder(doc, narrativeKey, me);
  const [problem, setProblem] = useState<string | null>(null);
  const highlights = useMemo(
    () =>
      threadsOnNarrative(threads, narrativeKey)
        .filter((thread) => thread.status === 'open' && thread.anchor.kind === 'text')
        .map((thread) => ({
          id: thread.id,
          anchor: thread.anchor as { start: string; end: string },
          selected: thread.id === selectedThreadId,
        })),
    [threads, narrativeKey, selectedThreadId],
  );
  const describedBy = [`${id}-meta`, readOnlyReason ? `${id}-reason` : null, problem ? `${id}-problem` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="narrative-field" data-testid={`narrative-${narrativeKey}`}>
      <NarrativeMeta {...stats} id={`${id}-meta`} />
      <FieldPresence people={people} field={narrativeKey} selfClientId={doc?.clientID ?? null} />
      {readOnlyReason ? (
        <p className="hint" id={`${id}-reason`}>
          {readOnlyReason}
        </p>
      ) : null}
      {problem ? (
        <p className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </p>
      ) : null}
      {doc && awareness ? (
        <LazyNarrativeEditor
          doc={doc}
          awareness={awareness}
          narrativeKey={narrativeKey}
          label={label}
          describedBy={describedBy}
          user={me}
          editable={canEdit}
          canComment={canComment}
          highlights={highlights}
          onOpenThread={context.openThread}
          onCommentOnPassage={(passage) => {
            if (!passage) {
              setProblem('Select the words you want to comment on, then choose “Comment on selected text”.');
              return;
            }
            setProblem(null);
            context.startDraft({ anchor: { kind: 'text', narrativeKey, ...passage }, about: label });
          }}
          onLocalEdit={recordEdit}
          onFocusChange={(focused) => context.setEditing(focused ? narrativeKey : undefined)}
        />
      ) : (
        <p className="muted loading">Loading…</p>
      )}
    </div>
  );
}
