import type * as Y from 'yjs';
import type { AvailabilityFact } from '../../schemas/cycles.ts';
import { readDataMapping } from '../dataMapping/dataMapping.ts';
import { metricContexts } from '../dataMapping/metricContext.ts';
import { availabilityByDomainAndLevel } from '../dataMapping/summary.ts';
import { readFramework } from '../framework/readFramework.ts';

/**
 * Per domain, how many metrics it has and how many are available, partial, missing or not yet mapped, as the data
 * mapping summary counts them (a metric serving several domains counts in each). `notAccessible` is given beside
 * the four the version schema names, so the counts always add up to `metrics`.
 */
export function availabilityFacts(doc: Y.Doc): AvailabilityFact[] {
  const { domains } = availabilityByDomainAndLevel(metricContexts(readFramework(doc)), readDataMapping(doc).byMetric);
  return domains.map((summary) => ({
    domain: summary.domain!,
    metrics: summary.total,
    available: summary.counts.available,
    partial: summary.counts.partial,
    missing: summary.counts.missing,
    notMapped: summary.counts['not-mapped'],
    notAccessible: summary.counts['not-accessible'],
  }));
}
