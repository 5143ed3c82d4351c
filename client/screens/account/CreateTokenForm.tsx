import { useState } from 'react';
import { CreateTokenRequestSchema, type CreatedToken } from '../../../shared/schemas/tokens.ts';
import { createToken } from '../../api/account.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['name'] as const;

/** Names and creates a new API token. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [formKey, setFormKey] = useState(0);
  const form = useFormSubmission({
    schema: CreateTokenRequestSchema,
    fields,
    read: (element) => ({ name: textValue(element, 'name') }),
    submit: async ({ name }) => {
      onCreated(await createToken(name));
      setFormKey((key) => key + 1);
    },
  });
  return (
    <form key={formKey} onSubmit={form.handleSubmit} noValidate data-testid="create-token-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('name')}
        name="name"
        label="Name for a new token"
        hint="What it is for, so you recognise it later. For example “Data upload script”."
        autoComplete="off"
        error={form.errorFor('name')}
      />
      <button type="submit" className="button--secondary" disabled={form.sending}>
        {form.sending ? 'Creating token…' : 'Create token'}
      </button>
    </form>
  );
}
