import { useId, useState, type FormEvent } from 'react';
import { setActionLocality } from '../../../shared/model/theoryOfChange/index.ts';
import { LocalitySchema, theoryOfChangeLimits, type OfferAction } from '../../../shared/schemas/theoryOfChange.ts';
import { FieldError } from '../../forms/FieldError.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';

/** The hubs and localities an action serves: a list with remove buttons, and a field to add one. */
export function LocalitiesField({ action }: { action: OfferAction }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const { snapshot } = useTheoryOfChangeContext();
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  const known = [...new Set(snapshot.theoryOfChange.actions.flatMap((other) => other.localities))].sort();

  const handleAdd = (event: FormEvent): void => {
    event.preventDefault();
    const input = document.getElementById(`${id}-new`) as HTMLInputElement | null;
    if (!doc || !input) return;
    const parsed = LocalitySchema.safeParse(input.value);
    if (!parsed.success) {
      setError('Enter the name of a hub or locality');
      input.focus();
      return;
    }
    if (action.localities.length >= theoryOfChangeLimits.localities) {
      setError(`An action can list at most ${theoryOfChangeLimits.localities} hubs or localities`);
      return;
    }
    setActionLocality(doc, action.id, parsed.data, true);
    input.value = '';
    setError(undefined);
  };

  return (
    <fieldset className="fieldset">
      <legend className="fieldset__legend">Hubs and localities</legend>
      {action.localities.length === 0 ? (
        <p className="muted">None listed yet.</p>
      ) : (
        <ul className="toc-chips" aria-label="Hubs and localities served">
          {action.localities.map((locality) => (
            <li key={locality} className="toc-chip">
              {locality}
              {canEdit && doc ? (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => setActionLocality(doc, action.id, locality, false)}
                >
                  Remove<span className="visually-hidden"> {locality}</span>
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canEdit ? (
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-new`}>Add a hub or locality</label>
          <FieldError id={`${id}-error`} message={error} />
          <div className="toc-inline-form">
            <input
              id={`${id}-new`}
              list={`${id}-known`}
              maxLength={theoryOfChangeLimits.locality}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onKeyDown={(event) => {
                if (event.key === 'Enter') handleAdd(event);
              }}
            />
            <datalist id={`${id}-known`}>
              {known.map((name) => (
                <option key={name} value={name} />
              ))}
            </datalist>
            <button type="button" className="button--secondary" onClick={handleAdd}>
              Add
            </button>
          </div>
        </div>
      ) : null}
    </fieldset>
  );
}
