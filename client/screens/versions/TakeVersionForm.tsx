import { CreateVersionRequestSchema, cycleLimits, type VersionSummary } from '../../../shared/schemas/cycles.ts';
import { takeVersion } from '../../cycles/cyclesApi.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';

const fields = ['label'] as const;

/** Takes a version of the whole partnership now, under a name (facilitators). Given a new `key` to empty it. */
export function TakeVersionForm({
  partnershipId,
  onTaken,
}: {
  partnershipId: string;
  onTaken: (version: VersionSummary) => void;
}) {
  const form = useFormSubmission({
    schema: CreateVersionRequestSchema,
    fields,
    read: (element) => ({ label: textValue(element, 'label') }),
    submit: async ({ label }) => onTaken(await takeVersion(partnershipId, label)),
  });
  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="take-version-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('label')}
        name="label"
        label="Name of the version"
        hint="For example: Before the March board"
        maxLength={cycleLimits.versionLabel}
        autoComplete="off"
        error={form.errorFor('label')}
      />
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Taking the version…' : 'Take a version'}
      </button>
    </form>
  );
}
