import { useRef, useState } from 'react';
import { Link } from 'react-router';
import type { AgendaItem, AgendaItemInput, Meeting } from '../../../shared/schemas/cycles.ts';
import { messageFor } from '../../api/ApiError.ts';
import { updateMeeting } from '../../cycles/cyclesApi.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { AddAgendaItemForm } from './AddAgendaItemForm.tsx';
import { StatusMessage } from './StatusMessage.tsx';
import { agendaInputOf, agendaKindLabels, movedAgenda, writtenAgenda } from './agendaItems.ts';

interface MeetingAgendaProps {
  meeting: Meeting;
  canChange: boolean;
  onSaved: (meeting: Meeting) => void;
}

/** The agenda in order; facilitators add, remove and reorder what they wrote (decisions for review come by themselves). */
export function MeetingAgenda({ meeting, canChange, onSaved }: MeetingAgendaProps) {
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const paths = cyclePaths(meeting.partnershipId);
  const written = writtenAgenda(meeting.agenda);

  const save = async (agenda: AgendaItemInput[], message: string): Promise<boolean> => {
    setSending(true);
    setProblem(null);
    try {
      onSaved(await updateMeeting(meeting.id, { agenda }));
      setStatus(message);
      return true;
    } catch (error) {
      setProblem(`The agenda was not saved. ${messageFor(error)}`);
      return false;
    } finally {
      setSending(false);
    }
  };

  // Buttons stay enabled while saving (a disabled button drops focus); a second press waits for the first.
  const handleMove = (item: AgendaItem, by: -1 | 1): void => {
    const index = written.findIndex((other) => other.id === item.id);
    if (sending || index + by < 0 || index + by >= written.length) return;
    const direction = by < 0 ? 'up' : 'down';
    void save(
      movedAgenda(meeting.agenda, item.id, by).map(agendaInputOf),
      `Moved “${nameOf(item)}” ${direction}.`,
    ).then((saved) => {
      // The server gives saved items new ids, so the moved item's button is found again by its new place.
      if (!saved) return;
      const button = listRef.current?.querySelector<HTMLButtonElement>(
        `[data-agenda-index="${index + by}"] [data-move="${direction}"]`,
      );
      button?.focus();
    });
  };
  const handleRemove = (item: AgendaItem): void => {
    if (sending) return;
    void save(
      written.filter((other) => other.id !== item.id).map(agendaInputOf),
      `Removed “${nameOf(item)}” from the agenda.`,
    ).then((saved) => {
      if (saved) headingRef.current?.focus();
    });
  };

  const target = (item: AgendaItem) => {
    const name = nameOf(item);
    if (!item.resolved) return <span>{name} (no longer in the workspace)</span>;
    if (item.kind === 'outcome' && item.outcomeId) return <Link to={paths.outcome(item.outcomeId)}>{name}</Link>;
    if (item.kind === 'round' && item.roundId) return <Link to={paths.round(item.roundId)}>{name}</Link>;
    if (item.kind === 'concern') return <Link to={paths.concerns}>{name}</Link>;
    return <span>{name}</span>;
  };

  return (
    <section className="section" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" ref={headingRef} tabIndex={-1}>
        Agenda
      </h2>
      {meeting.agenda.length === 0 ? <p className="muted">Nothing on the agenda yet.</p> : null}
      <StatusMessage message={status} testId="agenda-status" />
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <ol className="agenda" data-testid="agenda" ref={listRef}>
        {meeting.agenda.map((item) => {
          const index = written.findIndex((other) => other.id === item.id);
          return (
            <li
              key={item.id}
              className="agenda__item"
              data-testid="agenda-item"
              data-agenda-index={item.automatic ? undefined : index}
            >
              <div className="agenda__body">
                {item.kind !== 'text' ? <span className="tag tag--grey">{agendaKindLabels[item.kind]}</span> : null}{' '}
                <span className="agenda__label">{item.kind === 'text' ? item.title : target(item)}</span>
                {item.kind !== 'text' && item.title && item.title !== item.label ? (
                  <span className="agenda__note">{item.title}</span>
                ) : null}
                {item.automatic ? (
                  <span className="agenda__note">
                    <strong>Added because</strong> {item.reason}
                  </span>
                ) : item.kind === 'decision-review' && item.reason ? (
                  <span className="agenda__note">Why: {item.reason}</span>
                ) : null}
              </div>
              {canChange && !item.automatic ? (
                <div className="agenda__actions">
                  <button
                    type="button"
                    className="button--small button--secondary"
                    aria-disabled={index === 0 ? true : undefined}
                    data-move="up"
                    aria-label={`Move “${nameOf(item)}” up`}
                    onClick={() => handleMove(item, -1)}
                  >
                    Up
                  </button>
                  <button
                    type="button"
                    className="button--small button--secondary"
                    aria-disabled={index === written.length - 1 ? true : undefined}
                    data-move="down"
                    aria-label={`Move “${nameOf(item)}” down`}
                    onClick={() => handleMove(item, 1)}
                  >
                    Down
                  </button>
                  <button
                    type="button"
                    className="button--small button--warning"
                    aria-label={`Remove “${nameOf(item)}”`}
                    onClick={() => handleRemove(item)}
                  >
                    Remove
                  </button>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {canChange ? (
        <details className="agenda__add">
          <summary>Add an agenda item</summary>
          <AddAgendaItemForm
            partnershipId={meeting.partnershipId}
            sending={sending}
            onAdd={(item) => save([...written.map(agendaInputOf), item], 'Added to the agenda.')}
          />
        </details>
      ) : null}
    </section>
  );
}

function nameOf(item: AgendaItem): string {
  return (item.kind === 'text' ? item.title : item.label || item.title) || agendaKindLabels[item.kind];
}
