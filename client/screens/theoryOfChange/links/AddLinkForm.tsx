import { useId, useRef, useState, type FormEvent } from 'react';
import {
  addLink,
  evidenceStrengthOrder,
  evidenceStrengths,
  timeframeOrder,
  timeframes,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { EvidenceStrengthSchema, TimeframeSchema } from '../../../../shared/schemas/theoryOfChange.ts';
import { SelectField } from '../../../forms/SelectField.tsx';
import { useWorkspaceDoc } from '../../../workspace/WorkspaceDocContext.ts';
import { useTheoryOfChangeContext } from '../../../theoryOfChange/TheoryOfChangeContext.ts';
import { parseTargetValue, TargetSelect } from './TargetSelect.tsx';
import { textValue } from '../../../forms/formValues.ts';

/** Links the action to an outcome or indicator; the model refuses removed or duplicate targets, said in words here. */
export function AddLinkForm({ actionId, taken }: { actionId: string; taken: ReadonlySet<string> }) {
  const { doc } = useWorkspaceDoc();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const [added, setAdded] = useState<string | null>(null);

  const handleSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!doc) return;
    const target = parseTargetValue(textValue(event.currentTarget, 'target'));
    const focusTarget = () => document.getElementById(`${id}-target`)?.focus();
    if (!target) {
      setError('Choose the outcome or indicator this action is meant to move');
      focusTarget();
      return;
    }
    const result = addLink(doc, {
      actionId,
      target,
      evidence: EvidenceStrengthSchema.catch('untested').parse(textValue(event.currentTarget, 'evidence')),
      timeframe: TimeframeSchema.catch('medium').parse(textValue(event.currentTarget, 'timeframe')),
    });
    if (!result.ok) {
      setError(result.message);
      focusTarget();
      return;
    }
    setError(undefined);
    const chosen = event.currentTarget.querySelector<HTMLSelectElement>('select[name="target"]');
    setAdded(chosen?.selectedOptions[0]?.text.trim() ?? 'the outcome');
    formRef.current?.reset();
  };

  if (snapshot.framework.outcomes.length === 0) {
    return (
      <p>The framework has no outcomes yet. Add outcomes to the framework first, then link this action to them.</p>
    );
  }
  return (
    <form ref={formRef} noValidate onSubmit={handleSubmit} className="card" data-testid="add-link-form">
      <h3 id={`${id}-heading`}>Link to an outcome or indicator</h3>
      <TargetSelect
        id={`${id}-target`}
        label="Outcome or indicator this action is meant to move"
        framework={snapshot.framework}
        priorities={priorities.outcomeIds}
        taken={taken}
        error={error}
      />
      <div className="toc-columns">
        <SelectField
          id={`${id}-evidence`}
          name="evidence"
          label="Evidence strength"
          defaultValue="untested"
          options={evidenceStrengthOrder.map((key) => ({ value: key, label: evidenceStrengths[key].label }))}
        />
        <SelectField
          id={`${id}-timeframe`}
          name="timeframe"
          label="Expected timeframe"
          defaultValue="medium"
          options={timeframeOrder.map((key) => ({ value: key, label: timeframes[key].label }))}
        />
      </div>
      <button type="submit">Add link</button>
      <p role="status" className="toc-status">
        {added ? `Linked to ${added}. Say how it contributes in the link above.` : ''}
      </p>
    </form>
  );
}
