import { useId, useState, type FormEvent } from 'react';
import {
  addAssumption,
  assumptionText,
  removeAssumption,
  updateAssumption,
  type LinkView,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { theoryOfChangeLimits } from '../../../../shared/schemas/theoryOfChange.ts';
import { SharedTextField } from '../../../components/SharedTextField.tsx';
import { FieldError } from '../../../forms/FieldError.tsx';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { linkFieldKey } from '../presenceKeys.ts';
import { textValue } from '../../../forms/formValues.ts';

/** What a link rests on: a checklist of assumptions, each with an owner who will test it. */
export function AssumptionsChecklist({ link, viewing }: { link: LinkView; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const id = useId();
  const [error, setError] = useState<string | undefined>(undefined);
  if (!doc) return null;
  const checked = link.assumptions.filter((assumption) => assumption.checked).length;

  const handleAdd = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    const text = textValue(event.currentTarget, 'text').trim();
    if (text === '') {
      setError('Enter the assumption');
      document.getElementById(`${id}-text`)?.focus();
      return;
    }
    addAssumption(doc, link.id, { text, owner: textValue(event.currentTarget, 'owner').trim() });
    setError(undefined);
    event.currentTarget.reset();
  };

  return (
    <div className="toc-assumptions" data-testid="assumptions">
      <h4>
        Assumptions{' '}
        <span className="muted">
          ({checked} of {link.assumptions.length} checked)
        </span>
      </h4>
      {link.assumptions.length === 0 ? <p className="muted">No assumptions written down yet.</p> : null}
      <ul className="toc-checklist">
        {link.assumptions.map((assumption, index) => (
          <li key={assumption.id} className="toc-checklist__item" data-testid="assumption">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`${id}-${assumption.id}-checked`}
                checked={assumption.checked}
                disabled={!canEdit}
                onChange={(event) => updateAssumption(doc, link.id, assumption.id, { checked: event.target.checked })}
              />
              <label htmlFor={`${id}-${assumption.id}-checked`}>
                Checked<span className="visually-hidden">: assumption {index + 1}</span>
              </label>
            </div>
            <SharedTextField
              id={`${id}-${assumption.id}-text`}
              label={`Assumption ${index + 1}`}
              labelHidden
              text={assumptionText(doc, link.id, assumption.id)}
              maxLength={theoryOfChangeLimits.assumption}
              viewing={viewing}
              presenceKey={linkFieldKey(link.id, `assumption.${assumption.id}`)}
            />
            <div className="field toc-owner">
              <label htmlFor={`${id}-${assumption.id}-owner`}>Owner</label>
              <input
                key={assumption.owner}
                id={`${id}-${assumption.id}-owner`}
                defaultValue={assumption.owner}
                maxLength={theoryOfChangeLimits.owner}
                readOnly={!canEdit}
                onBlur={(event) => updateAssumption(doc, link.id, assumption.id, { owner: event.target.value.trim() })}
              />
            </div>
            {canEdit ? (
              <button
                type="button"
                className="link-button"
                onClick={() => removeAssumption(doc, link.id, assumption.id)}
              >
                Remove<span className="visually-hidden"> assumption {index + 1}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {canEdit ? (
        <form noValidate onSubmit={handleAdd} className="toc-add-assumption" data-testid="add-assumption-form">
          <div className={error ? 'field field--error' : 'field'}>
            <label htmlFor={`${id}-text`}>New assumption</label>
            <div id={`${id}-text-hint`} className="hint">
              Something that must hold for this link to work, e.g. “Families can reach the hub by bus”.
            </div>
            <FieldError id={`${id}-text-error`} message={error} />
            <input
              id={`${id}-text`}
              name="text"
              maxLength={theoryOfChangeLimits.assumption}
              aria-invalid={error ? true : undefined}
              aria-describedby={`${id}-text-hint${error ? ` ${id}-text-error` : ''}`}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-owner`}>Who will check it (optional)</label>
            <input id={`${id}-owner`} name="owner" maxLength={theoryOfChangeLimits.owner} />
          </div>
          <button type="submit" className="button--secondary">
            Add assumption
          </button>
        </form>
      ) : null}
    </div>
  );
}
