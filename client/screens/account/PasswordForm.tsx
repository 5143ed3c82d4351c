import { useState } from 'react';
import { ChangePasswordRequestSchema } from '../../../shared/schemas/auth.ts';
import { minPasswordLength } from '../../../shared/schemas/common.ts';
import { ApiError } from '../../api/ApiError.ts';
import { changePassword } from '../../api/account.ts';
import { SuccessNotice } from '../../components/Notice.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['currentPassword', 'newPassword'] as const;

/** Change my password; my other sessions end. */
export function PasswordForm() {
  const [changed, setChanged] = useState(false);
  // Passwords are cleared after a change by giving the form a new key.
  const [formKey, setFormKey] = useState(0);
  const form = useFormSubmission({
    schema: ChangePasswordRequestSchema,
    fields,
    read: (element) => ({
      currentPassword: textValue(element, 'currentPassword'),
      newPassword: textValue(element, 'newPassword'),
    }),
    submit: async (request) => {
      setChanged(false);
      try {
        await changePassword(request);
      } catch (error) {
        // A wrong current password comes back without a field; it can only be about that one.
        if (error instanceof ApiError && error.issues.length === 0 && error.status < 500 && error.status !== 429) {
          throw new ApiError(error.status, error.code, error.message, [
            { path: ['currentPassword'], message: error.message },
          ]);
        }
        throw error;
      }
      setChanged(true);
      setFormKey((key) => key + 1);
    },
  });

  return (
    <section className="section card" aria-labelledby="password-heading">
      <h2 id="password-heading">Change your password</h2>
      {changed ? (
        <SuccessNotice>Your password has been changed. You have been signed out on your other devices.</SuccessNotice>
      ) : null}
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <form key={formKey} onSubmit={form.handleSubmit} noValidate>
        <TextField
          id={form.fieldId('currentPassword')}
          name="currentPassword"
          type="password"
          label="Current password"
          autoComplete="current-password"
          error={form.errorFor('currentPassword')}
        />
        <TextField
          id={form.fieldId('newPassword')}
          name="newPassword"
          type="password"
          label="New password"
          hint={`Must be at least ${minPasswordLength} characters. Three or four random words together make a strong password.`}
          autoComplete="new-password"
          error={form.errorFor('newPassword')}
        />
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Changing password…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}
