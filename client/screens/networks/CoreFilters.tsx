import { useId } from 'react';
import { domainLabel, domainOrder } from '../../../shared/model/framework/domains.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';
import type { TemplateItemType } from '../../../shared/schemas/networks.ts';
import { SelectField } from '../../forms/SelectField.tsx';
import type { CoreFilter } from './commonCoreView.ts';

const typeOptions: readonly { value: TemplateItemType; label: string }[] = [
  { value: 'outcome', label: 'Outcomes' },
  { value: 'indicator', label: 'Indicators' },
  { value: 'metric', label: 'Metrics' },
];

const domainOptions = [
  { value: 'all', label: 'All domains' },
  ...domainOrder.map((domain) => ({ value: domain, label: domainLabel(domain) })),
];

/** Which template items the table and heat map show: a type and a domain, applied as soon as they are chosen. */
export function CoreFilters({ filter, onChange }: { filter: CoreFilter; onChange: (filter: CoreFilter) => void }) {
  const id = useId();
  return (
    <div className="network-filters" role="group" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="network-filters__title">
        Show
      </h2>
      <SelectField
        id={`${id}-type`}
        name="type"
        label="Type of item"
        options={typeOptions}
        value={filter.type}
        onChange={(event) => onChange({ ...filter, type: event.currentTarget.value as TemplateItemType })}
      />
      <SelectField
        id={`${id}-domain`}
        name="domain"
        label="Domain"
        options={domainOptions}
        value={filter.domain}
        onChange={(event) => onChange({ ...filter, domain: event.currentTarget.value as Domain | 'all' })}
      />
    </div>
  );
}
