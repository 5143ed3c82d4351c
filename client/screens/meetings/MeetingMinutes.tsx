import { useEffect, useId, useState } from 'react';
import { minutesKey } from '../../../shared/model/cycles/minutes.ts';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import { FieldPresence } from '../../components/FieldPresence.tsx';
import { LazyNarrativeEditor } from '../../needsAssessment/LazyNarrativeEditor.tsx';
import { NarrativeMeta } from '../../needsAssessment/NarrativeField.tsx';
import { useEditRecorder } from '../../needsAssessment/useEditRecorder.ts';
import { useNarrativeStats } from '../../needsAssessment/useNarrativeStats.ts';
import { useMe } from '../../session/useSession.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { presenceUserFor } from '../workspace/presenceUser.ts';

const noop = (): void => {};

/**
 * The minutes, written together live in the workspace doc (`minutes:<meetingId>`) with the needs assessment's
 * editor: everyone who may edit the workspace writes them while the meeting is open; once closed they are read-only.
 */
export function MeetingMinutes({ meeting }: { meeting: Meeting }) {
  const { doc, awareness, people, canEdit, readOnlyReason, setActivity } = useWorkspaceDoc();
  const me = useMe();
  const id = useId();
  const key = minutesKey(meeting.id);
  const user = presenceUserFor(me, meeting.partnershipId);
  const stats = useNarrativeStats(doc, key);
  const recordEdit = useEditRecorder(doc, key, user);
  const [editing, setEditing] = useState(false);
  const closed = meeting.status === 'closed';
  const reason = closed ? 'The meeting is closed, so its minutes can no longer change.' : readOnlyReason;

  useEffect(() => {
    setActivity({ viewing: `meeting:${meeting.id}`, editing: editing ? key : undefined });
  }, [setActivity, meeting.id, key, editing]);

  return (
    <section className="section" aria-labelledby="minutes-heading">
      <h2 id="minutes-heading">Minutes</h2>
      <div className="narrative-field" data-testid="minutes">
        <NarrativeMeta {...stats} id={`${id}-meta`} />
        <FieldPresence people={people} field={key} selfClientId={doc?.clientID ?? null} />
        {reason ? (
          <p className="hint" id={`${id}-reason`}>
            {reason}
          </p>
        ) : null}
        {doc && awareness ? (
          <LazyNarrativeEditor
            doc={doc}
            awareness={awareness}
            narrativeKey={key}
            label={`Minutes of ${meeting.title}`}
            describedBy={[`${id}-meta`, reason ? `${id}-reason` : null].filter(Boolean).join(' ')}
            user={user}
            editable={canEdit && !closed}
            canComment={false}
            highlights={[]}
            onOpenThread={noop}
            onCommentOnPassage={noop}
            onLocalEdit={recordEdit}
            onFocusChange={setEditing}
          />
        ) : (
          <p className="muted loading">Loading…</p>
        )}
      </div>
    </section>
  );
}
