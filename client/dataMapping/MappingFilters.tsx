import { dataStatusLabel, statusBuckets } from '../../shared/model/dataMapping/index.ts';
import { domainLabel, domainOrder, levelLabel, levelOrder } from '../../shared/model/framework/index.ts';
import { SelectField } from '../forms/SelectField.tsx';
import { noOwner, type MappingFilter } from './mappingFilter.ts';

interface MappingFiltersProps {
  filter: MappingFilter;
  owners: readonly string[];
  shown: number;
  total: number;
  onChange: (filter: MappingFilter) => void;
}

/** Filters of the grid: domain, level, status, owner and a search; the count of what is shown is announced. */
export function MappingFilters({ filter, owners, shown, total, onChange }: MappingFiltersProps) {
  const set = <K extends keyof MappingFilter>(key: K, value: MappingFilter[K]) => onChange({ ...filter, [key]: value });
  return (
    <div className="mapping-filters" role="group" aria-labelledby="filters-title">
      <h3 id="filters-title" className="visually-hidden">
        Filter the metrics
      </h3>
      <SelectField
        id="filter-domain"
        name="domain"
        label="Domain"
        value={filter.domain}
        onChange={(e) => set('domain', e.target.value as MappingFilter['domain'])}
        options={[
          { value: '', label: 'All domains' },
          ...domainOrder.map((d) => ({ value: d, label: domainLabel(d) })),
        ]}
      />
      <SelectField
        id="filter-level"
        name="level"
        label="Level"
        value={filter.level}
        onChange={(e) => set('level', e.target.value as MappingFilter['level'])}
        options={[{ value: '', label: 'All levels' }, ...levelOrder.map((l) => ({ value: l, label: levelLabel(l) }))]}
      />
      <SelectField
        id="filter-status"
        name="status"
        label="Status"
        value={filter.status}
        onChange={(e) => set('status', e.target.value as MappingFilter['status'])}
        options={[
          { value: '', label: 'Any status' },
          ...statusBuckets.map((bucket) => ({
            value: bucket,
            label: bucket === 'not-mapped' ? 'Not yet mapped' : dataStatusLabel(bucket),
          })),
        ]}
      />
      <SelectField
        id="filter-owner"
        name="owner"
        label="Data owner"
        value={filter.owner}
        onChange={(e) => set('owner', e.target.value)}
        options={[
          { value: '', label: 'Any owner' },
          { value: noOwner, label: 'No owner yet' },
          ...owners.map((owner) => ({ value: owner, label: owner })),
        ]}
      />
      <div className="field">
        <label htmlFor="filter-search">Metric name contains</label>
        <input id="filter-search" type="search" value={filter.search} onChange={(e) => set('search', e.target.value)} />
      </div>
      <p className="mapping-filters__count" role="status">
        Showing {shown} of {total} metrics
      </p>
    </div>
  );
}
