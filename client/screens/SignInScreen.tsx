import { Navigate, useLocation, useSearchParams } from 'react-router';
import { LoginRequestSchema } from '../../shared/schemas/auth.ts';
import { ApiError } from '../api/ApiError.ts';
import { signIn } from '../api/auth.ts';
import { Page } from '../components/Page.tsx';
import { ErrorSummary } from '../forms/ErrorSummary.tsx';
import { TextField } from '../forms/TextField.tsx';
import { textValue } from '../forms/formValues.ts';
import { useFormSubmission } from '../forms/useFormSubmission.ts';
import type { SignedOutReason } from '../session/SessionContext.ts';
import { safeNext } from '../session/signInPath.ts';
import { useSession } from '../session/useSession.ts';

const fields = ['email', 'password'] as const;

const reasons: Partial<Record<SignedOutReason, string>> = {
  'signed-out': 'You have been signed out.',
  'signed-out-everywhere': 'You have been signed out on every device and browser.',
  'session-ended': 'Your session has ended. Sign in again to carry on where you left off.',
};

/** Sign in with email and password, then go back to where the person was heading. */
export function SignInScreen() {
  const { state, signedIn } = useSession();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNext(params.get('next'));
  const reason = (location.state as { reason?: SignedOutReason } | null)?.reason;

  const form = useFormSubmission({
    schema: LoginRequestSchema,
    fields,
    read: (element) => ({ email: textValue(element, 'email'), password: textValue(element, 'password') }),
    submit: async (credentials) => {
      try {
        signedIn(await signIn(credentials));
      } catch (error) {
        // The server gives the same answer for an unknown email and a wrong password; point at the first field.
        if (error instanceof ApiError && error.code === 'invalid_credentials') {
          throw new ApiError(error.status, error.code, error.message, [{ path: ['email'], message: error.message }]);
        }
        throw error;
      }
    },
  });

  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  const title = form.errors.length > 0 ? 'Error: Sign in' : 'Sign in';
  return (
    <Page title={title}>
      <div className="narrow">
        {reason && reasons[reason] ? (
          <p className="notice notice--info" role="status">
            {reasons[reason]}
          </p>
        ) : null}
        <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
        <h1>Sign in to Common Ground</h1>
        <form onSubmit={form.handleSubmit} noValidate>
          <TextField
            id={form.fieldId('email')}
            name="email"
            type="email"
            label="Email address"
            autoComplete="username"
            spellCheck={false}
            error={form.errorFor('email')}
          />
          <TextField
            id={form.fieldId('password')}
            name="password"
            type="password"
            label="Password"
            autoComplete="current-password"
            error={form.errorFor('password')}
          />
          <button type="submit" disabled={form.sending}>
            {form.sending ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <h2 className="section-heading">New to Common Ground?</h2>
        <p>
          You need an invitation link from the facilitator of your partnership. Open the link they sent you to create
          your account.
        </p>
      </div>
    </Page>
  );
}
