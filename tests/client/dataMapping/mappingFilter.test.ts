import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { metricContexts, readDataMapping, updateDataMapping } from '../../../shared/model/dataMapping/index.ts';
import { readFramework } from '../../../shared/model/framework/index.ts';
import { filterMappings, noMappingFilter, noOwner, ownersOf } from '../../../client/dataMapping/mappingFilter.ts';
import { seedFramework } from '../../shared/model/framework/factories.ts';

function workspace() {
  const doc = new Y.Doc();
  const ids = seedFramework(doc);
  const stamp = { by: 'Asha', on: '2026-03-31' };
  updateDataMapping(doc, ids.metrics[0]!, { status: 'available', owner: 'Public health' }, stamp);
  updateDataMapping(doc, ids.metrics[1]!, { status: 'missing', owner: 'public health ' }, stamp);
  return { ids, contexts: metricContexts(readFramework(doc)), mappings: readDataMapping(doc).byMetric };
}

describe('the data mapping grid filters', () => {
  it('filters by domain, level, status, owner and name', () => {
    const { ids, contexts, mappings } = workspace();
    const ids3 = (filter: Partial<typeof noMappingFilter>) =>
      filterMappings(contexts, mappings, { ...noMappingFilter, ...filter }).map((c) => c.metric.id);
    expect(ids3({})).toHaveLength(3);
    expect(ids3({ domain: 'healthy' }).sort()).toEqual([ids.metrics[0], ids.metrics[1]].sort());
    expect(ids3({ level: 'parent-carer', status: 'missing' })).toEqual([ids.metrics[1]]);
    expect(ids3({ status: 'not-mapped' })).toEqual([ids.metrics[2]]);
    expect(ids3({ owner: 'PUBLIC HEALTH' }).sort()).toEqual([ids.metrics[0], ids.metrics[1]].sort());
    expect(ids3({ owner: noOwner })).toEqual([ids.metrics[2]]);
    expect(ids3({ search: 'no such words' })).toEqual([]);
  });

  it('lists each owner once, whatever the case and spacing', () => {
    expect(ownersOf(workspace().mappings)).toEqual(['Public health']);
  });
});
