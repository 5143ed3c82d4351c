import { frameworkTemplate } from '../../shared/templates/templates.ts';

/** The Fingertips ids the Common Outcomes template's metrics carry (so the bench's rows match real metrics). */
export function fingertipsIdsOfTemplate(): string[] {
  const ids = new Set<string>();
  for (const domain of frameworkTemplate('common-outcomes').domains) {
    for (const indicator of domain.indicators) {
      for (const metric of indicator.metrics) if (metric.fingertipsId) ids.add(metric.fingertipsId);
    }
  }
  return [...ids];
}
