import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import type { InvitationPreview } from '../../../shared/schemas/partnerships.ts';
import { messageFor } from '../../api/ApiError.ts';
import { acceptInvitation } from '../../api/invitations.ts';
import { useSession } from '../../session/useSession.ts';

/** A signed-in person accepts with one button (or signs out if the link was meant for someone else). */
export function AcceptAsMe({ token, invitation, me }: { token: string; invitation: InvitationPreview; me: Me }) {
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const handleAccept = (): void => {
    setSending(true);
    setProblem(null);
    acceptInvitation(token)
      .then(async (partnershipId) => {
        await refresh();
        await navigate(`/p/${encodeURIComponent(partnershipId)}`);
      })
      .catch((error: unknown) => {
        setSending(false);
        setProblem(messageFor(error));
      });
  };

  const handleSignOut = (): void => {
    signOut().catch((error: unknown) => setProblem(messageFor(error)));
  };

  return (
    <div className="section">
      <p>
        You are signed in as <strong>{me.user.displayName}</strong> ({me.user.email}). {invitation.partnershipName} will
        be added to your partnerships.
      </p>
      {problem ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <button type="button" disabled={sending} onClick={handleAccept}>
        {sending ? 'Joining…' : `Accept and join ${invitation.partnershipName}`}
      </button>
      <p>
        Not {me.user.displayName}?{' '}
        <button type="button" className="link-button" onClick={handleSignOut}>
          Sign out
        </button>{' '}
        and open this link again.
      </p>
    </div>
  );
}
