import { useId } from 'react';
import {
  ageStageLabel,
  ageStageOrder,
  domainLabel,
  domainOrder,
  levelLabel,
  levelOrder,
  scopeLabels,
  scopeOrder,
  type FrameworkFilter,
} from '../../../../shared/model/framework/index.ts';
import { AgeStageSchema, DomainSchema, LevelSchema, ScopeSchema } from '../../../../shared/schemas/framework.ts';
import { SelectField } from '../../../forms/SelectField.tsx';
import { isFiltered } from '../../../framework/useFrameworkFilter.ts';

interface FrameworkFiltersProps {
  filter: FrameworkFilter;
  onChange: (filter: FrameworkFilter) => void;
  /** Outcomes shown, and in all: the count is announced politely as it changes. */
  shown: number;
  total: number;
}

function choice<T extends string>(
  schema: { safeParse: (value: unknown) => { success: true; data: T } | { success: false } },
  value: string,
): T | undefined {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/** Search and filters above the grid; every change applies at once (no submit button to find). */
export function FrameworkFilters({ filter, onChange, shown, total }: FrameworkFiltersProps) {
  const id = useId();
  const set = (patch: Partial<FrameworkFilter>): void => {
    const next: FrameworkFilter = { ...filter, ...patch };
    for (const key of Object.keys(next) as (keyof FrameworkFilter)[]) if (!next[key]) delete next[key];
    onChange(next);
  };
  const noun = total === 1 ? 'outcome' : 'outcomes';
  return (
    <>
      <form
        role="search"
        aria-label="Search and filter the framework"
        className="framework-filters"
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="field framework-filters__search">
          <label htmlFor={`${id}-text`}>Search outcomes, indicators and metrics</label>
          <input
            id={`${id}-text`}
            type="search"
            value={filter.text ?? ''}
            maxLength={200}
            onChange={(event) => set({ text: event.target.value })}
            data-testid="framework-search"
          />
        </div>
        <div className="framework-filters__choices">
          <SelectField
            id={`${id}-domain`}
            name="domain"
            label="Domain"
            value={filter.domain ?? ''}
            onChange={(event) => set({ domain: choice(DomainSchema, event.target.value) })}
            options={[
              { value: '', label: 'All domains' },
              ...domainOrder.map((d) => ({ value: d, label: domainLabel(d) })),
            ]}
          />
          <SelectField
            id={`${id}-level`}
            name="level"
            label="Who it is about"
            value={filter.level ?? ''}
            onChange={(event) => set({ level: choice(LevelSchema, event.target.value) })}
            options={[{ value: '', label: 'Everyone' }, ...levelOrder.map((l) => ({ value: l, label: levelLabel(l) }))]}
          />
          <SelectField
            id={`${id}-scope`}
            name="scope"
            label="Core or local"
            value={filter.scope ?? ''}
            onChange={(event) => set({ scope: choice(ScopeSchema, event.target.value) })}
            options={[
              { value: '', label: 'Core and local' },
              ...scopeOrder.map((s) => ({ value: s, label: scopeLabels[s] })),
            ]}
          />
          <SelectField
            id={`${id}-age`}
            name="age"
            label="Age stage"
            value={filter.ageStage ?? ''}
            onChange={(event) => set({ ageStage: choice(AgeStageSchema, event.target.value) })}
            options={[
              { value: '', label: 'All ages' },
              ...ageStageOrder.map((stage) => ({ value: stage, label: ageStageLabel(stage) })),
            ]}
          />
        </div>
        {isFiltered(filter) ? (
          <button type="button" className="link-button framework-filters__clear" onClick={() => onChange({})}>
            Clear search and filters
          </button>
        ) : null}
      </form>
      <p className="framework-count" role="status" data-testid="framework-count">
        {isFiltered(filter) ? `Showing ${shown} of ${total} ${noun}` : `Showing all ${total} ${noun}`}
      </p>
    </>
  );
}
