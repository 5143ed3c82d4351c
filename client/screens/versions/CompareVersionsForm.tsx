import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import type { VersionSummary } from '../../../shared/schemas/cycles.ts';
import { cyclePaths } from '../../cycles/paths.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { SelectField } from '../../forms/SelectField.tsx';
import { choiceValue } from '../../forms/formValues.ts';
import type { FormError } from '../../forms/validate.ts';
import { formatDateTime } from '../../format.ts';

/** Chooses two versions (or a version and now) and opens what changed between them. */
export function CompareVersionsForm({
  partnershipId,
  versions,
}: {
  partnershipId: string;
  versions: readonly VersionSummary[];
}) {
  const navigate = useNavigate();
  const [errors, setErrors] = useState<FormError[]>([]);
  const fieldId = (field: string) => `compare-${field}`;
  const options = versions.map((v) => ({ value: v.id, label: `${v.label} (${formatDateTime(v.createdAt)})` }));

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const since = choiceValue(event.currentTarget, 'since') ?? '';
    const until = choiceValue(event.currentTarget, 'until') ?? 'now';
    const problems: FormError[] = [];
    if (since === '') problems.push({ field: 'since', message: 'Choose the version to compare from' });
    else if (since === until) problems.push({ field: 'until', message: 'Choose a different version to compare with' });
    setErrors(problems);
    if (problems.length === 0) void navigate(cyclePaths(partnershipId).changes(since, until));
  };

  return (
    <form onSubmit={handleSubmit} noValidate data-testid="compare-versions-form">
      <ErrorSummary errors={errors} fieldId={fieldId} />
      <SelectField
        id={fieldId('since')}
        name="since"
        label="From"
        hint="The earlier version"
        options={[{ value: '', label: 'Choose a version…' }, ...options]}
        defaultValue=""
        error={errors.find((e) => e.field === 'since')?.message}
      />
      <SelectField
        id={fieldId('until')}
        name="until"
        label="To"
        options={[{ value: 'now', label: 'Now' }, ...options]}
        defaultValue="now"
        error={errors.find((e) => e.field === 'until')?.message}
      />
      <button type="submit" className="button--secondary">
        Show what changed
      </button>
    </form>
  );
}
