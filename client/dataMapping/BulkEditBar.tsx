import { useState, type FormEvent } from 'react';
import { dataStatusOrder, dataStatuses } from '../../shared/model/dataMapping/index.ts';
import { dataMappingLimits, type DataMappingPatch, type DataStatus } from '../../shared/schemas/dataMapping.ts';

interface BulkEditBarProps {
  count: number;
  ownersListId: string;
  onApply: (patch: DataMappingPatch) => void;
  onClear: () => void;
}

/** Sets status, owner or next step for every selected metric at once; fields left blank are not changed. */
export function BulkEditBar({ count, ownersListId, onApply, onClear }: BulkEditBarProps) {
  const [status, setStatus] = useState<DataStatus | ''>('');
  const [owner, setOwner] = useState('');
  const [nextStep, setNextStep] = useState('');
  const nothingChosen = status === '' && owner.trim() === '' && nextStep.trim() === '';
  const handleSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (nothingChosen) return;
    onApply({
      ...(status ? { status } : {}),
      ...(owner.trim() ? { owner } : {}),
      ...(nextStep.trim() ? { nextStep } : {}),
    });
    setStatus('');
    setOwner('');
    setNextStep('');
  };
  return (
    <form className="bulk-edit" onSubmit={handleSubmit} aria-labelledby="bulk-edit-title">
      <h3 id="bulk-edit-title" className="bulk-edit__title">
        Change {count} selected {count === 1 ? 'metric' : 'metrics'}
      </h3>
      <div className="bulk-edit__fields">
        <div className="field">
          <label htmlFor="bulk-status">New status</label>
          <select
            id="bulk-status"
            value={status}
            onChange={(event) => setStatus(event.target.value as DataStatus | '')}
          >
            <option value="">Leave as it is</option>
            {dataStatusOrder.map((key) => (
              <option key={key} value={key}>
                {dataStatuses[key].label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="bulk-owner">New data owner</label>
          <input
            id="bulk-owner"
            type="text"
            list={ownersListId}
            value={owner}
            maxLength={dataMappingLimits.owner}
            onChange={(event) => setOwner(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="bulk-next-step">New next step</label>
          <input
            id="bulk-next-step"
            type="text"
            value={nextStep}
            maxLength={dataMappingLimits.nextStep}
            onChange={(event) => setNextStep(event.target.value)}
          />
        </div>
      </div>
      <div className="button-group">
        <button type="submit" className="button" disabled={nothingChosen}>
          Apply to {count} {count === 1 ? 'metric' : 'metrics'}
        </button>
        <button type="button" className="button button--secondary" onClick={onClear}>
          Clear selection
        </button>
      </div>
    </form>
  );
}
