import { useCallback } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { NewAccountSchema } from '../../shared/schemas/auth.ts';
import { completeSetup, isSetupLinkValid } from '../api/auth.ts';
import { useApiData } from '../api/useApiData.ts';
import { LoadingPage } from '../components/LoadingPage.tsx';
import { NewAccountFields, newAccountFields, readNewAccount } from '../components/NewAccountFields.tsx';
import { Page } from '../components/Page.tsx';
import { ProblemPage } from '../components/ProblemPage.tsx';
import { messageFor } from '../api/ApiError.ts';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { useFormSubmission } from '../forms/useFormSubmission.ts';
import { useSession } from '../session/useSession.ts';

/** First run: the one-time link printed by the server creates the first administrator. */
export function SetupScreen() {
  const { token = '' } = useParams();
  const { state, signedIn } = useSession();
  const load = useCallback((signal: AbortSignal) => isSetupLinkValid(token, signal), [token]);
  const link = useApiData(load);
  const form = useFormSubmission({
    schema: NewAccountSchema,
    fields: newAccountFields,
    read: readNewAccount,
    submit: async (account) => signedIn(await completeSetup(token, account)),
  });

  // Also where the new administrator lands once the account is created.
  if (state.status === 'signed-in') return <Navigate to="/" replace />;
  if (link.status === 'loading') return <LoadingPage />;
  if (link.status === 'failed') {
    return (
      <ProblemPage title="Set-up link could not be checked" message={messageFor(link.error)} onRetry={link.reload} />
    );
  }
  if (!link.data) {
    return (
      <Page title="This set-up link cannot be used">
        <div className="narrow">
          <h1>This set-up link cannot be used</h1>
          <p>Common Ground has already been set up, or the link is not complete.</p>
          <p>
            <Link to="/sign-in">Sign in</Link> with your account instead.
          </p>
        </div>
      </Page>
    );
  }

  return (
    <Page title={form.errors.length > 0 ? 'Error: Set up Common Ground' : 'Set up Common Ground'}>
      <div className="narrow">
        <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
        <h1>Set up Common Ground</h1>
        <p className="lead">
          Create the first administrator account. Administrators create partnerships and can see every partnership on
          this service.
        </p>
        <form onSubmit={form.handleSubmit} noValidate>
          <NewAccountFields fieldId={form.fieldId} errorFor={form.errorFor} />
          <button type="submit" disabled={form.sending}>
            {form.sending ? 'Creating account…' : 'Create administrator account'}
          </button>
        </form>
      </div>
    </Page>
  );
}
