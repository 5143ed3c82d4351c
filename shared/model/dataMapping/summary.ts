import type { DataStatus, MetricDataMapping } from '../../schemas/dataMapping.ts';
import type { Domain, Level } from '../../schemas/framework.ts';
import { domainOrder, levelOrder } from '../framework/domains.ts';
import type { MetricContext } from './metricContext.ts';
import { dataStatusOrder } from './statuses.ts';

/** A status bucket of the summary: one of the four statuses, or not yet mapped. */
export type StatusBucket = DataStatus | 'not-mapped';
/** The buckets in display order. */
export const statusBuckets: readonly StatusBucket[] = [...dataStatusOrder, 'not-mapped'];

/** How many metrics of one group are in each status, and the share available. */
export interface AvailabilitySummary {
  domain: Domain | null;
  level: Level | null;
  total: number;
  counts: Record<StatusBucket, number>;
  /** Available ÷ total, 0–1; null when the group has no metrics. */
  shareAvailable: number | null;
}

function emptyCounts(): Record<StatusBucket, number> {
  return { available: 0, 'not-accessible': 0, partial: 0, missing: 0, 'not-mapped': 0 };
}

function summarise(
  domain: Domain | null,
  level: Level | null,
  contexts: readonly MetricContext[],
  statusOf: (metricId: string) => DataStatus | null,
): AvailabilitySummary {
  const counts = emptyCounts();
  for (const context of contexts) counts[statusOf(context.metric.id) ?? 'not-mapped'] += 1;
  const total = contexts.length;
  return { domain, level, total, counts, shareAvailable: total === 0 ? null : counts.available / total };
}

/**
 * The share of metrics available per domain × level cell (20 rows, domain by domain, child first), then per domain
 * (level null), then overall (both null). A metric serving outcomes in several cells counts once in each of them,
 * and once in the overall total.
 */
export function availabilityByDomainAndLevel(
  contexts: readonly MetricContext[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
): { cells: AvailabilitySummary[]; domains: AvailabilitySummary[]; overall: AvailabilitySummary } {
  const statusOf = (metricId: string) => mappings.get(metricId)?.status ?? null;
  const cells: AvailabilitySummary[] = [];
  const domains: AvailabilitySummary[] = [];
  for (const domain of domainOrder) {
    const inDomain = contexts.filter((context) => context.domains.includes(domain));
    domains.push(summarise(domain, null, inDomain, statusOf));
    for (const level of levelOrder) {
      const inCell = inDomain.filter((context) =>
        context.outcomes.some((outcome) => outcome.domain === domain && outcome.level === level),
      );
      cells.push(summarise(domain, level, inCell, statusOf));
    }
  }
  return { cells, domains, overall: summarise(null, null, contexts, statusOf) };
}

/** A share as a whole percentage for people, e.g. "38%"; "no metrics" when there is nothing to share. */
export function formatShare(share: number | null): string {
  return share === null ? 'no metrics' : `${Math.round(share * 100)}%`;
}
