import { useId } from 'react';
import {
  deliveryTypeOrder,
  deliveryTypes,
  evidenceStrengthOrder,
  evidenceStrengths,
  providerOrganisations,
} from '../../../shared/model/theoryOfChange/index.ts';
import { useTheoryOfChangeContext } from '../../theoryOfChange/TheoryOfChangeContext.ts';
import { useFilterParams } from '../../theoryOfChange/useFilterParams.ts';

/** The filters of the graph, links table and matrix; each change applies at once and is kept in the address. */
export function FiltersForm({ showOutcomeChoice = false }: { showOutcomeChoice?: boolean }) {
  const id = useId();
  const { snapshot, priorities } = useTheoryOfChangeContext();
  const { filter, showAllOutcomes, setParam } = useFilterParams();
  const organisations = providerOrganisations(snapshot.theoryOfChange);
  return (
    <form className="toc-filters" aria-labelledby={`${id}-heading`} onSubmit={(event) => event.preventDefault()}>
      <h2 id={`${id}-heading`} className="toc-filters__heading">
        Filter
      </h2>
      <div className="toc-filters__row">
        <div className="field">
          <div className="checkbox">
            <input
              type="checkbox"
              id={`${id}-priority`}
              checked={filter.priorityOnly === true}
              disabled={!priorities.decided}
              aria-describedby={`${id}-priority-hint`}
              onChange={(event) => setParam('priority', event.target.checked ? 'only' : null)}
            />
            <label htmlFor={`${id}-priority`}>Priority outcomes only</label>
          </div>
          <div id={`${id}-priority-hint`} className="hint choice-hint" data-testid="priority-hint">
            {priorities.decided ? `${priorities.outcomeIds.size} agreed by the board` : 'No priorities decided yet'}
          </div>
        </div>
        <FilterSelect
          id={`${id}-organisation`}
          label="Organisation"
          value={filter.organisation ?? ''}
          onChange={(value) => setParam('organisation', value)}
          options={organisations.map((name) => ({ value: name, label: name }))}
        />
        <FilterSelect
          id={`${id}-delivery`}
          label="Delivery type"
          value={filter.deliveryType ?? ''}
          onChange={(value) => setParam('delivery', value)}
          options={deliveryTypeOrder.map((key) => ({ value: key, label: deliveryTypes[key].label }))}
        />
        <FilterSelect
          id={`${id}-evidence`}
          label="Evidence strength"
          value={filter.evidence ?? ''}
          onChange={(value) => setParam('evidence', value)}
          options={evidenceStrengthOrder.map((key) => ({ value: key, label: evidenceStrengths[key].label }))}
        />
        {showOutcomeChoice ? (
          <div className="field">
            <div className="checkbox">
              <input
                type="checkbox"
                id={`${id}-all`}
                checked={showAllOutcomes}
                onChange={(event) => setParam('outcomes', event.target.checked ? 'all' : null)}
              />
              <label htmlFor={`${id}-all`}>Show outcomes with no action</label>
            </div>
          </div>
        ) : null}
      </div>
    </form>
  );
}

function FilterSelect({
  id,
  label,
  value,
  onChange,
  options,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
