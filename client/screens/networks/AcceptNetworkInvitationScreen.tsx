import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { NewAccountSchema, type Me } from '../../../shared/schemas/auth.ts';
import type { NetworkInvitationPreview } from '../../../shared/schemas/networks.ts';
import { ApiError, messageFor } from '../../api/ApiError.ts';
import { acceptNetworkInvitation, previewNetworkInvitation } from '../../api/networks.ts';
import { useApiData } from '../../api/useApiData.ts';
import { LoadingPage } from '../../components/LoadingPage.tsx';
import { NewAccountFields, newAccountFields, readNewAccount } from '../../components/NewAccountFields.tsx';
import { Page } from '../../components/Page.tsx';
import { ProblemPage } from '../../components/ProblemPage.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { formatDate } from '../../format.ts';
import { signInPath } from '../../session/signInPath.ts';
import { useSession } from '../../session/useSession.ts';
import { networkPaths } from './paths.ts';

function UnusableInvitation({ signedIn }: { signedIn: boolean }) {
  return (
    <Page title="This invitation link cannot be used">
      <div className="narrow">
        <h1>This invitation link cannot be used</h1>
        <p>
          Invitation links work only once and stop working after 7 days. The coordinator may also have cancelled it.
        </p>
        <p>Ask the person who invited you to send you a new link.</p>
        <p>
          {signedIn ? (
            <Link to="/networks">Go to your networks</Link>
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

/** Where a coordinator invitation lands: what it offers, then accept (signed in) or create an account and accept. */
export function AcceptNetworkInvitationScreen() {
  const { token = '' } = useParams();
  const { state } = useSession();
  const load = useCallback((signal: AbortSignal) => previewNetworkInvitation(token, signal), [token]);
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
    <Page title={`Coordinate ${invitation.networkName}`}>
      <div className="narrow">
        <h1>Coordinate {invitation.networkName}</h1>
        <p className="lead">
          {invitation.invitedBy} has invited you to coordinate this network of family hubs partnerships on Common
          Ground: you will read the network’s shared views and publish versions of its template.
        </p>
        <dl className="summary-list" data-testid="network-invitation-summary">
          <div className="summary-list__row">
            <dt>Network</dt>
            <dd>{invitation.networkName}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Invitation for</dt>
            <dd>{invitation.email}</dd>
          </div>
          <div className="summary-list__row">
            <dt>Link expires</dt>
            <dd>{formatDate(invitation.expiresAt)}</dd>
          </div>
        </dl>
        {state.status === 'signed-in' ? (
          <AcceptAsMe token={token} invitation={invitation} me={state.me} />
        ) : (
          <CreateAccountAndAccept token={token} />
        )}
      </div>
    </Page>
  );
}

function AcceptAsMe({ token, invitation, me }: { token: string; invitation: NetworkInvitationPreview; me: Me }) {
  const { refresh, signOut } = useSession();
  const navigate = useNavigate();
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const handleAccept = (): void => {
    setSending(true);
    setProblem(null);
    acceptNetworkInvitation(token)
      .then(async (networkId) => {
        await refresh();
        await navigate(networkPaths(networkId).commonCore);
      })
      .catch((error: unknown) => {
        setSending(false);
        setProblem(messageFor(error));
      });
  };

  return (
    <div className="section">
      <p>
        You are signed in as <strong>{me.user.displayName}</strong> ({me.user.email}). You will coordinate{' '}
        {invitation.networkName}.
      </p>
      {problem ? (
        <div className="error-summary" role="alert">
          <h2 className="error-summary__title">There is a problem</h2>
          <p>{problem}</p>
        </div>
      ) : null}
      <button type="button" disabled={sending} onClick={handleAccept}>
        {sending ? 'Accepting…' : `Accept and coordinate ${invitation.networkName}`}
      </button>
      <p>
        Not {me.user.displayName}?{' '}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            signOut().catch((error: unknown) => setProblem(messageFor(error)));
          }}
        >
          Sign out
        </button>{' '}
        and open this link again.
      </p>
    </div>
  );
}

function CreateAccountAndAccept({ token }: { token: string }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const comeBack = signInPath(`/network-invite/${encodeURIComponent(token)}`);
  const form = useFormSubmission({
    schema: NewAccountSchema,
    fields: newAccountFields,
    read: readNewAccount,
    submit: async (account) => {
      let networkId: string;
      try {
        networkId = await acceptNetworkInvitation(token, account);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'account_exists') {
          const message = 'There is already an account with this email address. Sign in to accept the invitation.';
          throw new ApiError(error.status, error.code, message, [{ path: ['email'], message }]);
        }
        throw error;
      }
      await refresh();
      await navigate(networkPaths(networkId).commonCore);
    },
  });
  return (
    <div className="section">
      <h2>Create your account to accept</h2>
      <p className="notice notice--info">
        Already have a Common Ground account? <Link to={comeBack}>Sign in instead</Link> and you will come back here to
        accept.
      </p>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <form onSubmit={form.handleSubmit} noValidate data-testid="create-account-form">
        <NewAccountFields fieldId={form.fieldId} errorFor={form.errorFor} />
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Creating your account…' : 'Create account and accept'}
        </button>
      </form>
    </div>
  );
}
