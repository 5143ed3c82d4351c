import { Link, useNavigate } from 'react-router';
import { NewAccountSchema } from '../../../shared/schemas/auth.ts';
import type { InvitationPreview } from '../../../shared/schemas/partnerships.ts';
import { ApiError } from '../../api/ApiError.ts';
import { acceptInvitation } from '../../api/invitations.ts';
import { NewAccountFields, newAccountFields, readNewAccount } from '../../components/NewAccountFields.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { signInPath } from '../../session/signInPath.ts';
import { useSession } from '../../session/useSession.ts';

/** Someone new creates their account and joins in one step; someone with an account signs in first. */
export function CreateAccountAndAccept({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { refresh } = useSession();
  const navigate = useNavigate();
  const comeBack = signInPath(`/invite/${encodeURIComponent(token)}`);
  const form = useFormSubmission({
    schema: NewAccountSchema,
    fields: newAccountFields,
    read: readNewAccount,
    submit: async (account) => {
      let partnershipId: string;
      try {
        partnershipId = await acceptInvitation(token, account);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'account_exists') {
          const message = 'There is already an account with this email address. Sign in to accept the invitation.';
          throw new ApiError(error.status, error.code, message, [{ path: ['email'], message }]);
        }
        throw error;
      }
      await refresh();
      await navigate(`/p/${encodeURIComponent(partnershipId)}`);
    },
  });

  return (
    <div className="section">
      <h2>Create your account to join</h2>
      <p className="notice notice--info">
        Already have a Common Ground account? <Link to={comeBack}>Sign in instead</Link> and you will come back here to
        accept.
      </p>
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <form onSubmit={form.handleSubmit} noValidate data-testid="create-account-form">
        <NewAccountFields
          fieldId={form.fieldId}
          errorFor={form.errorFor}
          defaultOrganisation={invitation.organisation}
        />
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Creating your account…' : `Create account and join`}
        </button>
      </form>
    </div>
  );
}
