import { useState } from 'react';
import { UpdateMeRequestSchema } from '../../../shared/schemas/auth.ts';
import { updateMe } from '../../api/account.ts';
import { SuccessNotice } from '../../components/Notice.tsx';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { useMe, useSession } from '../../session/useSession.ts';

const fields = ['displayName', 'organisation'] as const;

/** My name and organisation as others see them. */
export function DetailsForm() {
  const { user } = useMe();
  const { refresh } = useSession();
  const [saved, setSaved] = useState(false);
  const form = useFormSubmission({
    schema: UpdateMeRequestSchema,
    fields,
    read: (element) => ({
      displayName: textValue(element, 'displayName'),
      organisation: textValue(element, 'organisation'),
    }),
    submit: async (change) => {
      setSaved(false);
      await updateMe(change);
      await refresh();
      setSaved(true);
    },
  });

  return (
    <section className="section card" aria-labelledby="details-heading">
      <h2 id="details-heading">Your details</h2>
      {saved ? <SuccessNotice>Your details have been saved.</SuccessNotice> : null}
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <form onSubmit={form.handleSubmit} noValidate>
        <p>
          Email address: <strong>{user.email}</strong>
        </p>
        <TextField
          id={form.fieldId('displayName')}
          name="displayName"
          label="Your full name"
          hint="Shown to other members next to your edits and comments."
          autoComplete="name"
          defaultValue={user.displayName}
          error={form.errorFor('displayName')}
        />
        <TextField
          id={form.fieldId('organisation')}
          name="organisation"
          label="Your organisation"
          hint="The agency you work for. Each partnership can also record which organisation you represent there."
          autoComplete="organization"
          defaultValue={user.organisation}
          error={form.errorFor('organisation')}
        />
        <button type="submit" disabled={form.sending}>
          {form.sending ? 'Saving…' : 'Save your details'}
        </button>
      </form>
    </section>
  );
}
