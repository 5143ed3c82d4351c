import type { RoundDraft } from '../../prioritisation/roundDraft.ts';
import { TextField } from '../../forms/TextField.tsx';

interface MethodSettingsFieldsProps {
  draft: RoundDraft;
  onChange: (change: Partial<RoundDraft>) => void;
  fieldId: string;
  error?: string | undefined;
}

/** The chosen method's own settings: dots and cap, or the weighted criteria. */
export function MethodSettingsFields({ draft, onChange, fieldId, error }: MethodSettingsFieldsProps) {
  if (draft.method === 'dots') {
    return (
      <div className="settings-group">
        <TextField
          id={fieldId}
          name="dotsPerVoter"
          label="Dots each voter gets"
          hint="Boards commonly use 3 to 10."
          inputMode="numeric"
          width="short"
          value={draft.dotsPerVoter}
          onChange={(event) => onChange({ dotsPerVoter: event.target.value })}
          error={error}
        />
        <TextField
          id={`${fieldId}-cap`}
          name="maxPerCandidate"
          label="Most dots one voter can put on one candidate (optional)"
          hint="Leave empty for no limit."
          inputMode="numeric"
          width="short"
          value={draft.maxPerCandidate}
          onChange={(event) => onChange({ maxPerCandidate: event.target.value })}
        />
      </div>
    );
  }
  if (draft.method === 'scores') {
    const setCriterion = (index: number, change: { label?: string; weight?: number }) =>
      onChange({
        criteria: draft.criteria.map((criterion, i) => (i === index ? { ...criterion, ...change } : criterion)),
      });
    return (
      <fieldset className="fieldset settings-group" aria-describedby={`${fieldId}-hint`}>
        <legend className="fieldset__legend">Criteria and their weights</legend>
        <p id={`${fieldId}-hint`} className="hint">
          Voters score every candidate from 1 to 5 on each criterion. A criterion with weight 2 counts twice as much as
          one with weight 1. Set a weight to 0 to leave a criterion out.
        </p>
        {error ? <p className="field-error">{error}</p> : null}
        <table className="table criteria-table">
          <thead>
            <tr>
              <th scope="col">Criterion</th>
              <th scope="col">Weight (0 to 10)</th>
            </tr>
          </thead>
          <tbody>
            {draft.criteria.map((criterion, index) => (
              <tr key={criterion.id}>
                <td>
                  <label className="visually-hidden" htmlFor={index === 0 ? fieldId : `${fieldId}-${criterion.id}`}>
                    Criterion {index + 1}
                  </label>
                  <input
                    id={index === 0 ? fieldId : `${fieldId}-${criterion.id}`}
                    value={criterion.label}
                    onChange={(event) => setCriterion(index, { label: event.target.value })}
                  />
                </td>
                <td>
                  <label className="visually-hidden" htmlFor={`${fieldId}-${criterion.id}-weight`}>
                    Weight of {criterion.label || `criterion ${index + 1}`}
                  </label>
                  <input
                    id={`${fieldId}-${criterion.id}-weight`}
                    className="input--short"
                    inputMode="numeric"
                    value={String(criterion.weight)}
                    onChange={(event) =>
                      setCriterion(index, { weight: Math.min(10, Number.parseInt(event.target.value, 10) || 0) })
                    }
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
    );
  }
  return (
    <p className="hint settings-group">
      {draft.method === 'ranking'
        ? 'Each voter puts every candidate in order. First place earns the most points.'
        : 'Each voter rates every candidate for need and for our ability to influence it, 1 to 5. Results show where candidates sit on average, and how far apart people were.'}
    </p>
  );
}
