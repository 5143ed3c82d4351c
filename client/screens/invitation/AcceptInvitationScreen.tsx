import { useCallback } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { previewInvitation } from '../../api/invitations.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { useSession } from '../../session/useSession.ts';
import { AcceptAsMe } from './AcceptAsMe.tsx';
import { CreateAccountAndAccept } from './CreateAccountAndAccept.tsx';
import { InvitationSummary } from './InvitationSummary.tsx';

function UnusableInvitation({ signedIn }: { signedIn: boolean }) {
  return (
    <Page title="This invitation link cannot be used">
      <div className="narrow">
        <h1>This invitation link cannot be used</h1>
        <p>
          Invitation links work only once and stop working after 7 days. The facilitator may also have cancelled it.
        </p>
        <p>Ask the person who invited you to send you a new link.</p>
        <p>
          {signedIn ? (
            <Link to="/">Go to your partnerships</Link>
          ) : (
            <>
              If you have already joined, <Link to="/sign-in">sign in</Link>.
            </>
          )}
        </p>
      </div>
    </Page>
  );
}

/** Where an invitation link lands: what it offers, then accept (signed in) or create an account. */
export function AcceptInvitationScreen() {
  const { token = '' } = useParams();
  const { state } = useSession();
  const load = useCallback((signal: AbortSignal) => previewInvitation(token, signal), [token]);
  const preview = useApiData(load);

  if (preview.status === 'loading' || state.status === 'loading') return <LoadingPage />;
  if (preview.status === 'failed') {
    const { error } = preview;
    if (error instanceof ApiError && error.status === 404) {
      return <UnusableInvitation signedIn={state.status === 'signed-in'} />;
    }
    return (
      <ProblemPage title="This invitation could not be opened" message={messageFor(error)} onRetry={preview.reload} />
    );
  }

  const invitation = preview.data;
  return (
    <Page title={`Join ${invitation.partnershipName}`}>
      <div className="narrow">
        <h1>Join {invitation.partnershipName}</h1>
        <p className="lead">
          {invitation.invitedBy} has invited you to join this family hubs partnership on Common Ground, where its
          members build their shared outcomes framework together.
        </p>
        <InvitationSummary invitation={invitation} />
        {state.status === 'signed-in' ? (
          <AcceptAsMe token={token} invitation={invitation} me={state.me} />
        ) : (
          <CreateAccountAndAccept token={token} invitation={invitation} />
        )}
      </div>
    </Page>
  );
}
