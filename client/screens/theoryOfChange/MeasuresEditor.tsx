import { useId, useState } from 'react';
import {
  addMeasure,
  measureKindOrder,
  measureKinds,
  measureText,
  removeMeasure,
} from '../../../shared/model/theoryOfChange/index.ts';
import { theoryOfChangeLimits, type MeasureKind, type OfferAction } from '../../../shared/schemas/theoryOfChange.ts';
import { SharedTextField } from '../../components/SharedTextField.tsx';
import { FieldError } from '../../forms/FieldError.tsx';
import { useWorkspaceDoc } from '../../workspace/WorkspaceDocContext.ts';
import { actionFieldKey } from './presenceKeys.ts';

/** The Results-Based Accountability performance measures of an action, under the three questions RBA asks. */
export function MeasuresEditor({ action, viewing }: { action: OfferAction; viewing: string }) {
  const id = useId();
  return (
    <section className="card section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Performance measures</h2>
      <p className="hint">
        Results-Based Accountability asks three questions of every service. Add the measures you will report against.
      </p>
      <div className="toc-measures">
        {measureKindOrder.map((kind) => (
          <MeasureList key={kind} action={action} kind={kind} viewing={viewing} />
        ))}
      </div>
    </section>
  );
}

function MeasureList({ action, kind, viewing }: { action: OfferAction; kind: MeasureKind; viewing: string }) {
  const { doc, canEdit } = useWorkspaceDoc();
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const measures = action.measures.filter((measure) => measure.kind === kind);
  const { label, description } = measureKinds[kind];
  if (!doc) return null;

  const handleAdd = (): void => {
    if (draft.trim() === '') {
      setError('Enter the measure');
      document.getElementById(`${id}-new`)?.focus();
      return;
    }
    addMeasure(doc, action.id, kind, draft.trim());
    setDraft('');
    setError(undefined);
  };

  return (
    <div className="toc-measure-list" data-testid={`measures-${kind}`}>
      <h3>{label}</h3>
      <p className="hint">{description}</p>
      {measures.length === 0 ? <p className="muted">No measures yet.</p> : null}
      <ol>
        {measures.map((measure, index) => (
          <li key={measure.id} className="toc-item">
            <SharedTextField
              id={`${id}-${measure.id}`}
              label={`${label} measure ${index + 1}`}
              labelHidden
              text={measureText(doc, action.id, measure.id)}
              maxLength={theoryOfChangeLimits.measure}
              viewing={viewing}
              presenceKey={actionFieldKey(action.id, `measure.${measure.id}`)}
            />
            {canEdit ? (
              <button type="button" className="link-button" onClick={() => removeMeasure(doc, action.id, measure.id)}>
                Remove<span className="visually-hidden"> measure {index + 1}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ol>
      {canEdit ? (
        <div className={error ? 'field field--error' : 'field'}>
          <label htmlFor={`${id}-new`}>
            Add a measure<span className="visually-hidden"> for “{label}”</span>
          </label>
          <FieldError id={`${id}-error`} message={error} />
          <div className="toc-inline-form">
            <input
              id={`${id}-new`}
              value={draft}
              maxLength={theoryOfChangeLimits.measure}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  handleAdd();
                }
              }}
            />
            <button type="button" className="button--secondary" onClick={handleAdd}>
              Add<span className="visually-hidden"> measure for “{label}”</span>
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
