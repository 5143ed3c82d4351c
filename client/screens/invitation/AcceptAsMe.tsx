import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import type { Me } from '../../../shared/schemas/auth.ts';
import { messageFor } from '../../api/ApiError.ts';
import { useSession } from '../../session/useSession.ts';

export interface AcceptAsMeProps {
  me: Me;
  /** Accepts the invitation and answers where to go next. */
  accept: () => Promise<string>;
  /** What accepting does, said after who is signed in ("Riverside will be added to your partnerships."). */
  outcome: ReactNode;
  acceptLabel: string;
  busyLabel: string;
}

/**
 * A signed-in person accepts with one button (or signs out if the link was meant for someone else): for a
 * partnership's invitation and a network coordinator's alike.
 */
export function AcceptAsMe({ me, accept, outcome, acceptLabel, busyLabel }: AcceptAsMeProps) {
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const handleAccept = (): void => {
    setSending(true);
    setProblem(null);
    accept()
      .then(async (destination) => {
        await refresh();
        await navigate(destination);
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
        You are signed in as <strong>{me.user.displayName}</strong> ({me.user.email}). {outcome}
      </p>
      {problem ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <button type="button" disabled={sending} onClick={handleAccept}>
        {sending ? busyLabel : acceptLabel}
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
