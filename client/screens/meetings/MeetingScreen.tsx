import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import { listMembers } from '../../api/partnerships.ts';
import { useApiData } from '../../api/useApiData.ts';
import { ConnectionStatus } from '../../components/ConnectionStatus.tsx';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { SuccessNotice } from '../../components/Notice.tsx';
import { PresenceBar } from '../../components/PresenceBar.tsx';
import { fetchMeeting, updateMeeting } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { useCanKeepActions, useCanRunMeetings } from '../../cycles/useCanRunMeetings.ts';
import { formatDateTime } from '../../format.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { ActionsLog } from './ActionsLog.tsx';
import { CloseMeeting } from './CloseMeeting.tsx';
import { MeetingAgenda } from './MeetingAgenda.tsx';
import { MeetingAttendance } from './MeetingAttendance.tsx';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';
import { MeetingMinutes } from './MeetingMinutes.tsx';
import { StatusMessage } from './StatusMessage.tsx';
import './meetings.css';

/** One board meeting: details, agenda, attendance, minutes written together, the actions log, and closing it. */
export function MeetingScreen() {
  const { meetingId = '' } = useParams();
  const load = useCallback((signal: AbortSignal) => fetchMeeting(meetingId, signal), [meetingId]);
  const meeting = useApiData(load);
  if (meeting.status === 'loading') {
    return (
      <PartnershipPage title="Meeting">
        <p role="status">Loading the meeting…</p>
      </PartnershipPage>
    );
  }
  if (meeting.status === 'failed') {
    return (
      <PartnershipPage title="Meeting">
        <LoadFailure what="The meeting" error={meeting.error} onRetry={meeting.reload} />
      </PartnershipPage>
    );
  }
  return <MeetingView key={meetingId} loaded={meeting.data} />;
}

function MeetingView({ loaded }: { loaded: Meeting }) {
  const { partnership } = usePartnership();
  const { doc, state, people, canEdit } = useWorkspaceDoc();
  const canRun = useCanRunMeetings();
  const canKeepActions = useCanKeepActions();
  const [meeting, setMeeting] = useState(loaded);
  const [justClosed, setJustClosed] = useState(false);
  const [changingDetails, setChangingDetails] = useState(false);
  const [detailsStatus, setDetailsStatus] = useState('');
  // Bumped after each save so the form is built again from what was saved.
  const [detailsKey, setDetailsKey] = useState(0);
  const closedRef = useRef<HTMLDivElement>(null);
  const detailsSummaryRef = useRef<HTMLElement>(null);
  const paths = cyclePaths(partnership.id);
  const loadMembers = useCallback((signal: AbortSignal) => listMembers(partnership.id, signal), [partnership.id]);
  const members = useApiData(loadMembers);
  const open = meeting.status === 'scheduled';
  const canChange = canRun && open;

  useEffect(() => {
    if (justClosed) closedRef.current?.focus();
  }, [justClosed]);

  return (
    <PartnershipPage
      title={meeting.title}
      aside={<ConnectionStatus state={state.connection} readOnly={!canEdit || !open} />}
    >
      <p className="back-link-wrapper">
        <Link className="back-link" to={paths.meetings}>
          All meetings
        </Link>
      </p>
      <PresenceBar people={people} selfClientId={doc?.clientID ?? null} />
      {justClosed ? (
        <div ref={closedRef} tabIndex={-1}>
          <SuccessNotice testId="meeting-closed">
            <p>
              The meeting is closed and a version of the partnership was taken.{' '}
              {meeting.versionId ? <Link to={paths.version(meeting.versionId)}>See the version</Link> : null}
            </p>
          </SuccessNotice>
        </div>
      ) : null}
      <dl className="summary-list meeting-details" data-testid="meeting-details">
        <div className="summary-list__row">
          <dt>When</dt>
          <dd>{formatDateTime(meeting.startsAt)}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Where</dt>
          <dd>{meeting.place || 'Not given'}</dd>
        </div>
        <div className="summary-list__row">
          <dt>Status</dt>
          <dd data-testid="meeting-status">
            {open ? 'Scheduled' : `Closed${meeting.closedAt ? ` ${formatDateTime(meeting.closedAt)}` : ''}`}
          </dd>
        </div>
      </dl>
      <StatusMessage message={detailsStatus} testId="details-status" />
      {canChange ? (
        <details
          className="meeting-details__change"
          open={changingDetails}
          onToggle={(event) => setChangingDetails(event.currentTarget.open)}
        >
          <summary ref={detailsSummaryRef}>Change the title, date, time or place</summary>
          <MeetingDetailsForm
            key={detailsKey}
            initial={meeting}
            submitLabel="Save the details"
            busyLabel="Saving…"
            onSubmit={async (details) => {
              setMeeting(await updateMeeting(meeting.id, details));
              setDetailsKey((key) => key + 1);
              setChangingDetails(false);
              setDetailsStatus('Meeting details saved.');
              // The form folds away; focus goes back to where it was opened from.
              detailsSummaryRef.current?.focus();
            }}
          />
        </details>
      ) : null}
      {!open && !justClosed ? (
        <p className="notice notice--info">This meeting is closed: its record can be read but no longer changed.</p>
      ) : null}
      <div className="button-group meeting-links">
        {meeting.sinceVersionId ? (
          <Link
            className="button"
            to={paths.changes(meeting.sinceVersionId, open ? 'now' : (meeting.versionId ?? 'now'))}
            data-testid="what-changed-link"
          >
            {open ? 'What changed since the last meeting' : 'What changed between the last meeting and this one'}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={paths.boardPack(meeting.id)}>
          Board pack<span className="visually-hidden"> for {meeting.title}</span>
        </Link>
      </div>
      {meeting.sinceVersionId || !open ? null : (
        <p className="hint">
          No earlier meeting has been closed, so there is no “what changed since the last meeting” yet.{' '}
          <Link to={paths.versions}>Versions</Link> can be compared at any time.
        </p>
      )}
      <MeetingAgenda meeting={meeting} canChange={canChange} onSaved={setMeeting} />
      <MeetingAttendance
        meeting={meeting}
        members={members.status === 'ready' ? members.data : null}
        canChange={canChange}
        onSaved={setMeeting}
      />
      <MeetingMinutes meeting={meeting} />
      <ActionsLog partnershipId={partnership.id} meetingId={meeting.id} canChange={canKeepActions && open} />
      {canChange ? (
        <CloseMeeting
          meeting={meeting}
          onClosed={(closed) => {
            setMeeting(closed);
            setJustClosed(true);
          }}
        />
      ) : null}
    </PartnershipPage>
  );
}
