import { useState, type FormEvent } from 'react';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import type { Member } from '../../../shared/schemas/partnerships.ts';
import { messageFor } from '../../api/ApiError.ts';
import { updateMeeting } from '../../cycles/cyclesApi.ts';
import { StatusMessage } from './StatusMessage.tsx';

/** People grouped by the organisation they represent, organisations in alphabetical order. */
function byOrganisation<T extends { organisation: string }>(people: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const person of people) {
    const name = person.organisation.trim() || 'No organisation given';
    groups.set(name, [...(groups.get(name) ?? []), person]);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b, 'en-GB'));
}

interface MeetingAttendanceProps {
  meeting: Meeting;
  members: readonly Member[] | null;
  canChange: boolean;
  onSaved: (meeting: Meeting) => void;
}

/** Who attended, by organisation: a checklist of members for facilitators, a list for everyone else. */
export function MeetingAttendance({ meeting, members, canChange, onSaved }: MeetingAttendanceProps) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (sending) return;
    const attendeeIds = new FormData(event.currentTarget).getAll('attendee').map(String);
    setSending(true);
    setProblem(null);
    updateMeeting(meeting.id, { attendeeIds }).then(
      (saved) => {
        setSending(false);
        onSaved(saved);
        setStatus(`Attendance saved: ${saved.attendees.length} present.`);
      },
      (error: unknown) => {
        setSending(false);
        setProblem(`Attendance was not saved. ${messageFor(error)}`);
      },
    );
  };

  return (
    <section className="section" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading">Attendance</h2>
      <StatusMessage message={status} testId="attendance-status" />
      {canChange && members ? (
        <form onSubmit={handleSubmit} noValidate data-testid="attendance-form">
          <p className="hint">Tick everyone who attended.</p>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          {byOrganisation(members).map(([organisation, people]) => (
            <fieldset key={organisation} className="fieldset attendance__organisation">
              <legend className="fieldset__legend">{organisation}</legend>
              {people.map((member) => (
                <div key={member.userId} className="checkbox">
                  <input
                    type="checkbox"
                    id={`attendee-${member.userId}`}
                    name="attendee"
                    value={member.userId}
                    defaultChecked={meeting.attendees.some((a) => a.userId === member.userId)}
                  />
                  <label htmlFor={`attendee-${member.userId}`}>{member.displayName}</label>
                </div>
              ))}
            </fieldset>
          ))}
          <button type="submit" className="button--secondary" disabled={sending}>
            {sending ? 'Saving…' : 'Save attendance'}
          </button>
        </form>
      ) : meeting.attendees.length === 0 ? (
        <p className="muted">No attendance recorded.</p>
      ) : (
        <dl className="summary-list" data-testid="attendees">
          {byOrganisation(meeting.attendees).map(([organisation, people]) => (
            <div key={organisation} className="summary-list__row">
              <dt>{organisation}</dt>
              <dd>{people.map((person) => person.name).join(', ')}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
