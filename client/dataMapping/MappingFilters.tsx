import { dataStatusLabel, statusBuckets } from '../../shared/model/dataMapping/index.ts';
import { domainLabel, domainOrder, levelLabel, levelOrder } from '../../shared/model/framework/index.ts';
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
      <div className="field">
        <label htmlFor="filter-domain">Domain</label>
        <select
          id="filter-domain"
          value={filter.domain}
          onChange={(e) => set('domain', e.target.value as MappingFilter['domain'])}
        >
          <option value="">All domains</option>
          {domainOrder.map((domain) => (
            <option key={domain} value={domain}>
              {domainLabel(domain)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-level">Level</label>
        <select
          id="filter-level"
          value={filter.level}
          onChange={(e) => set('level', e.target.value as MappingFilter['level'])}
        >
          <option value="">All levels</option>
          {levelOrder.map((level) => (
            <option key={level} value={level}>
              {levelLabel(level)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select
          id="filter-status"
          value={filter.status}
          onChange={(e) => set('status', e.target.value as MappingFilter['status'])}
        >
          <option value="">Any status</option>
          {statusBuckets.map((bucket) => (
            <option key={bucket} value={bucket}>
              {bucket === 'not-mapped' ? 'Not yet mapped' : dataStatusLabel(bucket)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-owner">Data owner</label>
        <select id="filter-owner" value={filter.owner} onChange={(e) => set('owner', e.target.value)}>
          <option value="">Any owner</option>
          <option value={noOwner}>No owner yet</option>
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
        </select>
      </div>
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
