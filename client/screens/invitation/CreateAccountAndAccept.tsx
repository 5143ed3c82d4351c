import { Link, useNavigate } from 'react-router';
import { NewAccountSchema, type NewAccount } from '../../../shared/schemas/auth.ts';
import { ApiError } from '../../api/ApiError.ts';
import { NewAccountFields, newAccountFields, readNewAccount } from '../../components/NewAccountFields.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { signInPath } from '../../session/signInPath.ts';
import { useSession } from '../../session/useSession.ts';

export interface CreateAccountAndAcceptProps {
  /** The invitation's own address, to come back to after signing in instead. */
  invitationPath: string;
  /** Creates the account, accepts, and answers where to go next. */
  accept: (account: NewAccount) => Promise<string>;
  heading: string;
  submitLabel: string;
  defaultOrganisation?: string;
}

/**
 * Someone new creates their account and accepts in one step; someone with an account signs in first. Shared by a
 * partnership's invitation and a network coordinator's.
 */
export function CreateAccountAndAccept({
  invitationPath,
  accept,
  heading,
  submitLabel,
  defaultOrganisation,
}: CreateAccountAndAcceptProps) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const comeBack = signInPath(invitationPath);
  const form = useFormSubmission({
    schema: NewAccountSchema,
    fields: newAccountFields,
    read: readNewAccount,
    submit: async (account) => {
      let destination: string;
      try {
        destination = await accept(account);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'account_exists') {
          const message = 'There is already an account with this email address. Sign in to accept the invitation.';
          throw new ApiError(error.status, error.code, message, [{ path: ['email'], message }]);
        }
        throw error;
      }
      await refresh();
      await navigate(destination);
    },
  });

  return (
    <div className="section">
      <h2>{heading}</h2>
      <p className="notice notice--info">
        Already have a Common Ground account? <Link to={comeBack}>Sign in instead</Link> and you will come back here to
        accept.
      </p>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <form onSubmit={form.handleSubmit} noValidate data-testid="create-account-form">
        <NewAccountFields fieldId={form.fieldId} errorFor={form.errorFor} defaultOrganisation={defaultOrganisation} />
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Creating your account…' : submitLabel}
        </button>
      </form>
    </div>
  );
}
