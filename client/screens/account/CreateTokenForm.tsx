import { useState } from 'react';
import { CreateTokenRequestSchema, type CreatedToken } from '../../../shared/schemas/tokens.ts';
import { createToken } from '../../api/account.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { RadioGroup } from '../../forms/RadioGroup.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { choiceValue, textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['name', 'scope', 'expiresInDays'] as const;

const lifetimes = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'One year' },
  { value: 'never', label: 'Until I revoke it' },
] as const;

/** Names and creates a new API token: read-only unless the person chooses otherwise, expiring in 90 days. */
export function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedToken) => void }) {
  const [formKey, setFormKey] = useState(0);
  const form = useFormSubmission({
    schema: CreateTokenRequestSchema,
    fields,
    read: (element) => {
      const lifetime = (element.elements.namedItem('expiresInDays') as HTMLSelectElement | null)?.value ?? '90';
      return {
        name: textValue(element, 'name'),
        scope: choiceValue(element, 'scope'),
        expiresInDays: lifetime === 'never' ? null : Number(lifetime),
      };
    },
    submit: async (request) => {
      onCreated(await createToken(request));
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
      <RadioGroup
        id={form.fieldId('scope')}
        name="scope"
        legend="What it may do"
        defaultValue="read-only"
        error={form.errorFor('scope')}
        options={[
          {
            value: 'read-only',
            label: 'Read only',
            hint: 'Read the framework, evidence and results, never change them. Enough for reports and dashboards.',
          },
          {
            value: 'read-write',
            label: 'Read and change',
            hint: 'Also upload data and change things, as far as your role in each partnership allows.',
          },
        ]}
      />
      <SelectField
        id={form.fieldId('expiresInDays')}
        name="expiresInDays"
        label="Stops working after"
        hint="A token that expires cannot be misused for long if it leaks."
        defaultValue="90"
        error={form.errorFor('expiresInDays')}
        options={lifetimes}
      />
      <button type="submit" className="button--secondary" disabled={form.sending}>
        {form.sending ? 'Creating token…' : 'Create token'}
      </button>
    </form>
  );
}
