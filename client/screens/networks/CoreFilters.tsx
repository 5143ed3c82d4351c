import { useId } from 'react';
import { domainLabel, domainOrder } from '../../../shared/model/framework/domains.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';
import type { TemplateItemType } from '../../../shared/schemas/networks.ts';
import type { CoreFilter } from './commonCoreView.ts';

const typeOptions: readonly { value: TemplateItemType; label: string }[] = [
  { value: 'outcome', label: 'Outcomes' },
  { value: 'indicator', label: 'Indicators' },
  { value: 'metric', label: 'Metrics' },
];

/** Which template items the table and heat map show: a type and a domain, applied as soon as they are chosen. */
export function CoreFilters({ filter, onChange }: { filter: CoreFilter; onChange: (filter: CoreFilter) => void }) {
  const id = useId();
  return (
    <div className="network-filters" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="network-filters__title">
        Show
      </h2>
      <div className="field">
        <label htmlFor={`${id}-type`}>Type of item</label>
        <select
          id={`${id}-type`}
          value={filter.type}
          onChange={(event) => onChange({ ...filter, type: event.currentTarget.value as TemplateItemType })}
        >
          {typeOptions.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-domain`}>Domain</label>
        <select
          id={`${id}-domain`}
          value={filter.domain}
          onChange={(event) => onChange({ ...filter, domain: event.currentTarget.value as Domain | 'all' })}
        >
          <option value="all">All domains</option>
          {domainOrder.map((domain) => (
            <option key={domain} value={domain}>
              {domainLabel(domain)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
