import { useEffect, useRef, useState } from 'react';
import type { Meeting } from '../../../shared/schemas/cycles.ts';
import { messageFor } from '../../api/ApiError.ts';
import { closeMeeting } from '../../cycles/cyclesApi.ts';

/** "Close meeting", with a confirmation that says what closing does: a version is taken, the record is fixed. */
export function CloseMeeting({ meeting, onClosed }: { meeting: Meeting; onClosed: (meeting: Meeting) => void }) {
  const [confirming, setConfirming] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) headingRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const handleClose = (): void => {
    if (sending) return;
    setSending(true);
    setProblem(null);
    closeMeeting(meeting.id).then(
      (closed) => {
        setSending(false);
        onClosed(closed);
      },
      (error: unknown) => {
        setSending(false);
        setProblem(`The meeting is still open. ${messageFor(error)}`);
      },
    );
  };

  return (
    <section className="section" aria-labelledby="close-heading">
      <h2 id="close-heading">Close the meeting</h2>
      {confirming ? (
        <div className="panel panel--warning" data-testid="close-confirmation">
          <h3 ref={headingRef} tabIndex={-1}>
            Close “{meeting.title}”?
          </h3>
          <ul>
            <li>
              A version of the whole partnership is taken as it is now, so the next meeting can see what changed since
              this one.
            </li>
            <li>The agenda, attendance and minutes can no longer be changed.</li>
            <li>Actions that are not done carry over to the next meeting.</li>
          </ul>
          {problem ? (
            <p className="field-error" role="alert">
              {problem}
            </p>
          ) : null}
          <div className="button-group">
            <button type="button" className="button--warning" onClick={handleClose} aria-disabled={sending}>
              {sending ? 'Closing…' : 'Yes, close the meeting'}
            </button>
            <button type="button" className="button--secondary" onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <>
          <p>When the meeting is over, close it: a version of the partnership is taken and the record is fixed.</p>
          <button ref={openRef} type="button" className="button--secondary" onClick={() => setConfirming(true)}>
            Close meeting
          </button>
        </>
      )}
    </section>
  );
}
