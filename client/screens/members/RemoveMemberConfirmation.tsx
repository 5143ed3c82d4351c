import { useEffect, useRef, useState } from 'react';
import type { Member } from '../../../shared/schemas/partnerships.ts';
import { messageFor } from '../../api/ApiError.ts';
import { removeMember } from '../../api/partnerships.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

interface RemoveMemberConfirmationProps {
  member: Member;
  isMe: boolean;
  onCancel: () => void;
  onDone: (message: string) => void;
}

/** Asks before removing a member, and says what removal does. */
export function RemoveMemberConfirmation({ member, isMe, onCancel, onDone }: RemoveMemberConfirmationProps) {
  const { partnership, reload } = usePartnership();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const handleRemove = (): void => {
    setSending(true);
    setProblem(null);
    removeMember(partnership.id, member.userId).then(
      () => {
        if (isMe) reload();
        onDone(`${member.displayName} has been removed from ${partnership.name}.`);
      },
      (error: unknown) => {
        setSending(false);
        setProblem(messageFor(error));
      },
    );
  };

  const who = isMe ? 'yourself' : member.displayName;
  return (
    <div className="panel panel--warning" role="group" aria-labelledby={`remove-${member.userId}`}>
      <h3 id={`remove-${member.userId}`} ref={headingRef} tabIndex={-1}>
        Remove {who} from {partnership.name}?
      </h3>
      <p>
        {isMe ? 'You' : 'They'} will lose access straight away, including any workspace{' '}
        {isMe ? 'you have' : 'they have'} open. Everything {isMe ? 'you' : 'they'} wrote stays. A facilitator can invite{' '}
        {isMe ? 'you' : 'them'} again later.
      </p>
      {problem ? (
        <p className="field-error" role="alert">
          <span className="visually-hidden">Error:</span> {problem}
        </p>
      ) : null}
      <div className="button-group">
        <button type="button" className="button--warning" disabled={sending} onClick={handleRemove}>
          {sending ? 'Removing…' : `Yes, remove ${who}`}
        </button>
        <button type="button" className="button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
