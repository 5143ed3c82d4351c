import type { Change } from '../../schemas/cycles.ts';
import { readDataMapping, readMetricMapping } from '../dataMapping/dataMapping.ts';
import { mappingFields } from '../dataMapping/docShape.ts';
import { dataStatusLabel } from '../dataMapping/statuses.ts';
import { change, type ComparisonContext } from './context.ts';
import { entityLabel } from './framework.ts';

/**
 * Data availability moves (missing → partial → available, or back), one per metric whose status changed, with the
 * reason as the mapping gives it now. Only metrics people can see in the newer version are compared: a removed
 * metric is reported once, as removed, by the framework.
 */
export function dataMappingChanges(context: ComparisonContext): Change[] {
  const before = readDataMapping(context.older.doc).byMetric;
  const changes: Change[] = [];
  for (const metric of context.frameworks.live(context.newer.doc).metrics) {
    const was = before.get(metric.id)?.status ?? null;
    const now = readMetricMapping(context.newer.doc, metric.id);
    if (was === now.status) continue;
    const reason = now.reason.trim();
    const move = `${dataStatusLabel(now.status)} (was ${dataStatusLabel(was).toLowerCase()})`;
    changes.push(
      change(
        'data-mapping',
        'changed',
        { type: 'metric', id: metric.id, label: entityLabel('metric', metric) },
        {
          field: 'status',
          before: dataStatusLabel(was),
          after: dataStatusLabel(now.status),
          words: reason === '' ? move : `${move}: ${reason}`,
          by: context.attribution.ofKey(mappingFields(context.newer.doc, metric.id), 'status'),
        },
      ),
    );
  }
  return changes;
}
