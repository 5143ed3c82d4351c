import { CreateActionRequestSchema, cycleLimits, type BoardAction } from '../../../shared/schemas/cycles.ts';
import type { Decision } from '../../../shared/schemas/decisions.ts';
import { createAction } from '../../cycles/cyclesApi.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { FieldError } from '../../forms/FieldError.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { useLiveFramework } from '../../framework/useFrameworkCache.ts';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';

const fields = ['text', 'owner', 'dueDate', 'link'] as const;

/** `outcome:<id>` or `decision:<id>` from the link select, as the API's link. */
function linkOf(value: string): { kind: 'outcome' | 'decision'; id: string } | null {
  const [kind, ...rest] = value.split(':');
  const id = rest.join(':');
  return (kind === 'outcome' || kind === 'decision') && id !== '' ? { kind, id } : null;
}

interface AddActionFormProps {
  partnershipId: string;
  meetingId: string;
  decisions: readonly Decision[];
  onAdded: (action: BoardAction) => void;
}

/**
 * Adds an action to the log: what, who, by when, and the outcome or decision it serves. The parent gives it a new
 * `key` once the action is in the log, so it empties; a failure leaves everything typed in place.
 */
export function AddActionForm({ partnershipId, meetingId, decisions, onAdded }: AddActionFormProps) {
  const { doc } = useWorkspaceDoc();
  const framework = useLiveFramework(doc);
  const form = useFormSubmission({
    schema: CreateActionRequestSchema,
    fields,
    read: (element) => {
      const dueDate = textValue(element, 'dueDate');
      return {
        text: textValue(element, 'text'),
        owner: textValue(element, 'owner'),
        dueDate: dueDate === '' ? null : dueDate,
        link: linkOf(textValue(element, 'link')),
        meetingId,
      };
    },
    submit: async (request) => onAdded(await createAction(partnershipId, request)),
  });
  const linkId = form.fieldId('link');

  return (
    <form onSubmit={form.handleSubmit} noValidate data-testid="add-action-form">
      <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
      <TextField
        id={form.fieldId('text')}
        name="text"
        label="Action"
        hint="What will be done, for example: Ask the ICB for the health visiting figures"
        maxLength={cycleLimits.actionText}
        autoComplete="off"
        error={form.errorFor('text')}
      />
      <TextField
        id={form.fieldId('owner')}
        name="owner"
        label="Owner (optional)"
        hint="A person or an organisation"
        maxLength={cycleLimits.owner}
        autoComplete="off"
        error={form.errorFor('owner')}
      />
      <TextField
        id={form.fieldId('dueDate')}
        name="dueDate"
        type="date"
        label="Due date (optional)"
        width="short"
        error={form.errorFor('dueDate')}
      />
      <div className={form.errorFor('link') ? 'field field--error' : 'field'}>
        <label htmlFor={linkId}>Linked to (optional)</label>
        <FieldError id={`${linkId}-error`} message={form.errorFor('link')} />
        <select id={linkId} name="link" defaultValue="">
          <option value="">Nothing</option>
          {decisions.length > 0 ? (
            <optgroup label="Decisions">
              {decisions.map((decision) => (
                <option key={decision.id} value={`decision:${decision.id}`}>
                  {decision.roundTitle}
                </option>
              ))}
            </optgroup>
          ) : null}
          <optgroup label="Outcomes">
            {(framework?.outcomes ?? []).map((outcome) => (
              <option key={outcome.id} value={`outcome:${outcome.id}`}>
                {outcome.statement}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <button type="submit" disabled={form.sending}>
        {form.sending ? 'Adding…' : 'Add the action'}
      </button>
    </form>
  );
}
