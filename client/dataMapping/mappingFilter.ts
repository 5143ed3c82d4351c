import type { MetricContext, StatusBucket } from '../../shared/model/dataMapping/index.ts';
import type { Domain, Level } from '../../shared/schemas/framework.ts';
import type { MetricDataMapping } from '../../shared/schemas/dataMapping.ts';

/** The grid's filters; empty strings mean "any". `owner` is an organisation, or `none` for unowned rows. */
export interface MappingFilter {
  domain: Domain | '';
  level: Level | '';
  status: StatusBucket | '';
  owner: string;
  search: string;
}

/** No filter: every metric. */
export const noMappingFilter: MappingFilter = { domain: '', level: '', status: '', owner: '', search: '' };

/** The value of the owner filter that picks rows nobody owns yet. */
export const noOwner = '__none__';

/** The metrics the filter keeps, in framework order. */
export function filterMappings(
  contexts: readonly MetricContext[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
  filter: MappingFilter,
): MetricContext[] {
  const search = filter.search.trim().toLowerCase();
  return contexts.filter((context) => {
    const mapping = mappings.get(context.metric.id);
    if (filter.domain && !context.domains.includes(filter.domain)) return false;
    if (filter.level && !context.levels.includes(filter.level)) return false;
    if (filter.status && (mapping?.status ?? 'not-mapped') !== filter.status) return false;
    const owner = mapping?.owner.trim() ?? '';
    if (filter.owner === noOwner && owner !== '') return false;
    if (filter.owner && filter.owner !== noOwner && owner.toLowerCase() !== filter.owner.toLowerCase()) return false;
    if (search && !`${context.metric.name} ${context.indicator?.name ?? ''}`.toLowerCase().includes(search))
      return false;
    return true;
  });
}

/** The organisations named as owners, A–Z, each once (ignoring case), for the owner filter and suggestions. */
export function ownersOf(mappings: ReadonlyMap<string, MetricDataMapping>): string[] {
  const byKey = new Map<string, string>();
  for (const mapping of mappings.values()) {
    const owner = mapping.owner.trim();
    if (owner !== '' && !byKey.has(owner.toLowerCase())) byKey.set(owner.toLowerCase(), owner);
  }
  return Array.from(byKey.values()).sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }));
}
