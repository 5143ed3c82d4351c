import { useState } from 'react';
import { UpdatePartnershipAreaRequestSchema } from '../../../shared/schemas/partnerships.ts';
import { correctPartnershipArea } from '../../api/partnerships.ts';
import { ErrorSummary } from '../../forms/ErrorSummary.tsx';
import { TextField } from '../../forms/TextField.tsx';
import { textValue } from '../../forms/formValues.ts';
import { useFormSubmission } from '../../forms/useFormSubmission.ts';
import { usePartnership } from '../partnership/PartnershipContext.ts';

const fields = ['areaName', 'areaCode'] as const;

/**
 * The area the partnership serves, and its ONS code: the code decides which rows of a Fingertips import are this
 * place's, so a wrong one leaves the evidence empty. Facilitators correct it here; everyone else sees it.
 */
export function AreaForm() {
  const { partnership, reload } = usePartnership();
  const canCorrect = partnership.myRole === 'facilitator';
  const [saved, setSaved] = useState<string | null>(null);
  const form = useFormSubmission({
    schema: UpdatePartnershipAreaRequestSchema,
    fields,
    read: (element) => ({ areaName: textValue(element, 'areaName'), areaCode: textValue(element, 'areaCode') }),
    submit: async (patch) => {
      setSaved(null);
      const updated = await correctPartnershipArea(partnership.id, patch);
      reload();
      setSaved(`Saved: ${updated.areaName}, ONS code ${updated.areaCode}. Evidence now matches this code.`);
    },
  });
  return (
    <section className="card" aria-labelledby={form.fieldId('heading')}>
      <h2 id={form.fieldId('heading')}>Area</h2>
      {canCorrect ? (
        <form onSubmit={form.handleSubmit} noValidate>
          <ErrorSummary errors={form.errors} fieldId={form.fieldId} />
          <TextField
            id={form.fieldId('areaName')}
            name="areaName"
            label="Area name"
            defaultValue={partnership.areaName}
            error={form.errorFor('areaName')}
          />
          <TextField
            id={form.fieldId('areaCode')}
            name="areaCode"
            label="ONS area code"
            hint="Nine characters, like E09000024. Fingertips data are matched to the partnership by this code."
            width="short"
            defaultValue={partnership.areaCode}
            autoComplete="off"
            spellCheck={false}
            error={form.errorFor('areaCode')}
          />
          <button type="submit" className="button--secondary" disabled={form.sending}>
            {form.sending ? 'Saving…' : 'Save the area'}
          </button>
          <p role="status" className="hint">
            {saved}
          </p>
        </form>
      ) : (
        <>
          <p>
            {partnership.areaName} · ONS area code <strong>{partnership.areaCode}</strong>
          </p>
          <p className="hint">Only facilitators can correct the area or its code.</p>
        </>
      )}
    </section>
  );
}
