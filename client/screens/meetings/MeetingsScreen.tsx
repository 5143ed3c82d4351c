import { useCallback } from 'react';
import { Link, useNavigate } from 'react-router';
import type { MeetingSummary } from '../../../shared/schemas/cycles.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadFailure } from '../../components/LoadFailure.tsx';
import { createMeeting, listMeetings } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { useCanRunMeetings } from '../../cycles/useCanRunMeetings.ts';
import { formatDateTime } from '../../format.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';
import { PartnershipPage } from '../partnership/PartnershipPage.tsx';
import { MeetingDetailsForm } from './MeetingDetailsForm.tsx';
import './meetings.css';

const byStart = (a: MeetingSummary, b: MeetingSummary) => a.startsAt.localeCompare(b.startsAt);

/** The board's meetings: those still to be held first, then past ones, and (facilitators) scheduling a new one. */
export function MeetingsScreen() {
  const { partnership } = usePartnership();
  const canRun = useCanRunMeetings();
  const navigate = useNavigate();
  const paths = cyclePaths(partnership.id);
  const load = useCallback((signal: AbortSignal) => listMeetings(partnership.id, signal), [partnership.id]);
  const meetings = useApiData(load);

  const group = (id: string, title: string, list: MeetingSummary[], empty: string) => (
    <section className="section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {list.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="card-list" data-testid={id}>
          {list.map((meeting) => (
            <li key={meeting.id} className="card meeting-card" data-testid="meeting-card">
              <h3 className="meeting-card__title">
                <Link to={paths.meeting(meeting.id)}>{meeting.title}</Link>
              </h3>
              <p className="meeting-card__meta">
                {formatDateTime(meeting.startsAt)}
                {meeting.place ? ` · ${meeting.place}` : ''}
                {meeting.status === 'closed' ? (
                  <>
                    {' · '}
                    <span className="tag tag--grey">Closed</span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );

  return (
    <PartnershipPage title="Meetings">
      <p className="lead">
        Board meetings: the agenda, who came, the minutes and the actions log. Each meeting opens with what changed
        since the last one.
      </p>
      <div className="button-group">
        {canRun ? (
          <a className="button" href="#schedule-meeting">
            Schedule a meeting
          </a>
        ) : null}
        <Link className={canRun ? 'button button--secondary' : 'button'} to={paths.versions}>
          Versions of the partnership
        </Link>
      </div>
      {meetings.status === 'loading' ? <p role="status">Loading the meetings…</p> : null}
      {meetings.status === 'failed' ? (
        <LoadFailure what="The meetings" error={meetings.error} onRetry={meetings.reload} />
      ) : null}
      {meetings.status === 'ready' ? (
        <>
          {group(
            'upcoming-meetings',
            'Upcoming meetings',
            meetings.data.filter((m) => m.status === 'scheduled').sort(byStart),
            'No meetings are scheduled.',
          )}
          {group(
            'past-meetings',
            'Past meetings',
            meetings.data.filter((m) => m.status === 'closed').sort((a, b) => byStart(b, a)),
            'No meetings have been closed yet.',
          )}
        </>
      ) : null}
      {canRun ? (
        <section className="section panel" aria-labelledby="schedule-meeting">
          <h2 id="schedule-meeting" tabIndex={-1}>
            Schedule a meeting
          </h2>
          <div data-testid="schedule-meeting-form">
            <MeetingDetailsForm
              submitLabel="Schedule the meeting"
              busyLabel="Scheduling…"
              onSubmit={async (request) => {
                const meeting = await createMeeting(partnership.id, request);
                void navigate(paths.meeting(meeting.id));
              }}
            />
          </div>
        </section>
      ) : null}
    </PartnershipPage>
  );
}
