import { useCallback } from 'react';
import { useParams } from 'react-router';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { acceptInvitation, previewInvitation } from '../../api/invitations.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { Page } from '../../components/Page.tsx';
import { UnusableInvitation } from './UnusableInvitation.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { useSession } from '../../session/useSession.ts';
import { AcceptAsMe } from './AcceptAsMe.tsx';
import { CreateAccountAndAccept } from './CreateAccountAndAccept.tsx';
import { InvitationSummary } from './InvitationSummary.tsx';

const partnershipPath = (partnershipId: string): string => `/p/${encodeURIComponent(partnershipId)}`;

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
      return (
        <UnusableInvitation
          signedIn={state.status === 'signed-in'}
          days={7}
          canceller="The facilitator"
          home={{ to: '/', label: 'Go to your partnerships' }}
        />
      );
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
          <AcceptAsMe
            me={state.me}
            accept={async () => partnershipPath(await acceptInvitation(token))}
            outcome={`${invitation.partnershipName} will be added to your partnerships.`}
            acceptLabel={`Accept and join ${invitation.partnershipName}`}
            busyLabel="Joining…"
          />
        ) : (
          <CreateAccountAndAccept
            invitationPath={`/invite/${encodeURIComponent(token)}`}
            accept={async (account) => partnershipPath(await acceptInvitation(token, account))}
            heading="Create your account to join"
            submitLabel="Create account and join"
            defaultOrganisation={invitation.organisation}
          />
        )}
      </div>
    </Page>
  );
}
