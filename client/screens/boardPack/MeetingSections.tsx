import { actionStatusLabels } from '../../../shared/schemas/cycles.ts';
import type { BoardPack } from '../../../shared/schemas/boardPack.ts';
import { suppressedLabel } from '../../../shared/model/evidence/suppression.ts';
import { Nothing, PackSection } from './PackSection.tsx';
import { PackTable } from './PackTable.tsx';
import {
  agendaItemReason,
  agendaItemTitle,
  attendeesByOrganisation,
  calendarDate,
  dayOf,
  meetingDateTime,
} from '../../../shared/model/cycles/packWords.ts';

/** The cover: whose board, which meeting, when and where, and the suppression rule the whole pack follows. */
export function CoverSection({ pack }: { pack: BoardPack }) {
  const { meeting, partnership } = pack;
  return (
    <header className="board-pack__cover">
      <p className="board-pack__partnership">{partnership.name}</p>
      <h1>
        {meeting.title}
        <span className="board-pack__subtitle">Board pack</span>
      </h1>
      <dl className="board-pack__facts">
        <div>
          <dt>Date and time</dt>
          <dd>
            <time dateTime={meeting.startsAt}>{meetingDateTime(meeting.startsAt)}</time>
          </dd>
        </div>
        <div>
          <dt>Place</dt>
          <dd>{meeting.place.trim() || 'To be confirmed'}</dd>
        </div>
        <div>
          <dt>Area</dt>
          <dd>{partnership.area}</dd>
        </div>
        <div>
          <dt>Pack produced</dt>
          <dd>{dayOf(pack.generatedAt)}</dd>
        </div>
      </dl>
      <p className="board-pack__note">
        Counts under {pack.smallCountThreshold} are suppressed so that small groups of families cannot be identified;
        they show as “{suppressedLabel}”.
      </p>
    </header>
  );
}

/** The agenda, numbered; a decision back for review says why, in words. */
export function AgendaSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="agenda" title="Agenda">
      {pack.agenda.length === 0 ? (
        <Nothing>The agenda has no items yet.</Nothing>
      ) : (
        <ol className="board-pack__agenda">
          {pack.agenda.map((item) => {
            const reason = agendaItemReason(item);
            return (
              <li key={item.id}>
                {agendaItemTitle(item)}
                {reason ? <p className="board-pack__reason">{reason}</p> : null}
              </li>
            );
          })}
        </ol>
      )}
    </PackSection>
  );
}

function Attendance({ attendees, none }: { attendees: BoardPack['attendees']; none: string }) {
  if (attendees.length === 0) return <Nothing>{none}</Nothing>;
  return (
    <dl className="board-pack__attendees">
      {attendeesByOrganisation(attendees).map(({ organisation, names }) => (
        <div key={organisation}>
          <dt>{organisation}</dt>
          <dd>{names.join(', ')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Who is attending, by the organisation each represents. */
export function AttendeesSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="attendees" title="Attendees" newPage={false}>
      <Attendance attendees={pack.attendees} none="No attendance has been recorded for this meeting yet." />
    </PackSection>
  );
}

/** The minutes of the last meeting (and of this one, when the pack is printed after it). */
export function MinutesSection({ pack }: { pack: BoardPack }) {
  const previous = pack.previousMeeting;
  return (
    <PackSection id="minutes" title="Minutes of the last meeting">
      {previous ? (
        <>
          <h3>
            {previous.meeting.title}, {meetingDateTime(previous.meeting.startsAt)}
          </h3>
          <p>
            <strong>Place:</strong> {previous.meeting.place.trim() || 'Not recorded'}
          </p>
          <h4>Attended</h4>
          <Attendance attendees={previous.attendees} none="No attendance was recorded." />
          <h4>Minutes</h4>
          {previous.minutes.length > 0 ? (
            previous.minutes.map((text, index) => <p key={index}>{text}</p>)
          ) : (
            <Nothing>No minutes were written.</Nothing>
          )}
        </>
      ) : (
        <Nothing>This is the board’s first meeting in Common Ground: there are no earlier minutes.</Nothing>
      )}
      {pack.minutes.length > 0 ? (
        <>
          <h3>Minutes of this meeting: {pack.meeting.title}</h3>
          {pack.minutes.map((text, index) => (
            <p key={index}>{text}</p>
          ))}
        </>
      ) : null}
    </PackSection>
  );
}

/** The actions log: every action that carries from meeting to meeting until it is done. */
export function ActionsSection({ pack }: { pack: BoardPack }) {
  return (
    <PackSection id="actions" title="Actions log">
      {pack.actions.length === 0 ? (
        <Nothing>There are no actions in the log.</Nothing>
      ) : (
        <PackTable
          caption="Actions log: action, owner, due date and status"
          captionHidden
          columns={['Action', 'Owner', 'Due', 'Status']}
          rows={pack.actions.map((action) => ({
            key: action.id,
            cells: [
              <>
                {action.text}
                {action.linkLabel ? <span className="board-pack__secondary">Linked to: {action.linkLabel}</span> : null}
              </>,
              action.owner.trim() || 'No owner',
              action.dueDate ? calendarDate(action.dueDate) : 'No due date',
              actionStatusLabels[action.status],
            ],
          }))}
        />
      )}
    </PackSection>
  );
}
