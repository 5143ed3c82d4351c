import { z } from 'zod';
import type { Partnership } from '../../../shared/schemas/partnerships.ts';
import { copyVersion } from '../../cycles/cyclesApi.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['name'] as const;
const RestoreCopySchema = z.object({ name: z.string().trim().max(200) });

/** Restores a version as a new partnership; the one it came from is never overwritten (facilitators). */
export function RestoreCopyForm({
  partnershipId,
  versionId,
  suggestedName,
  onCopied,
}: {
  partnershipId: string;
  versionId: string;
  suggestedName: string;
  onCopied: (partnership: Partnership) => void;
}) {
  const form = useFormSubmission({
    schema: RestoreCopySchema,
    fields,
    read: (element) => ({ name: textValue(element, 'name') }),
    submit: async ({ name }) => onCopied(await copyVersion(partnershipId, versionId, name)),
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="restore-copy-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('name')}
        name="name"
        label="Name of the new partnership"
        hint="You will be its facilitator; invite the others into it."
        defaultValue={suggestedName}
        maxLength={200}
        autoComplete="off"
        error={form.errorFor('name')}
      />
      <button type="submit" className="button--secondary" disabled={form.sending}>
        {form.sending ? 'Restoring…' : 'Restore as a copy'}
      </button>
    </form>
  );
}
