import { useEffect, useRef } from 'react';
import { roleDescriptions } from '../../../shared/model/roles.ts';
import { CopyableSecret } from '../../components/CopyableSecret.tsx';
import { formatDate } from '../../format.ts';
import type { NewInvitation } from './InviteForm.tsx';

/** The new invitation link, shown this once, with a Copy button. */
export function CreatedInvitationLink({
  created,
  onInviteAnother,
}: {
  created: NewInvitation;
  onInviteAnother: () => void;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const { invitation, url } = created;
  const forWhom = invitation.note ? ` for ${invitation.note}` : '';
  return (
    <div className="panel panel--success" data-testid="created-invitation">
      <h3 ref={headingRef} tabIndex={-1}>
        Invitation link created{forWhom}
      </h3>
      <p>
        They will join as <strong>{roleDescriptions[invitation.role].label.toLowerCase()}</strong>, representing{' '}
        {invitation.organisation}
        {invitation.isVotingMember ? ', as a voting member' : ''}.
      </p>
      {created.emailedTo ? (
        <p data-testid="invitation-emailed">
          Common Ground is emailing the link to <strong>{created.emailedTo}</strong>.
        </p>
      ) : null}
      <CopyableSecret
        label="Invitation link"
        value={url}
        copyLabel="Copy link"
        copiedMessage="Link copied. Paste it into an email or message to the person."
        testId="invitation-link"
        hint={
          <>
            Send this link to the person by email or message. It works once and stops working on{' '}
            {formatDate(invitation.expiresAt)}. <strong>You will not be able to see it again</strong> after you leave
            this page, but you can always create a new one.
          </>
        }
      />
      <button type="button" className="button--secondary" onClick={onInviteAnother}>
        Invite someone else
      </button>
    </div>
  );
}
