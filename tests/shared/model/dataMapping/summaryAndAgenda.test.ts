import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  availabilityByDomainAndLevel,
  dataDevelopmentAgenda,
  formatShare,
  metricContexts,
  readDataMapping,
  updateDataMapping,
} from '../../../../shared/model/dataMapping/index.ts';
import { readFramework } from '../../../../shared/model/framework/index.ts';
import { seedFramework } from '../framework/factories.ts';

const stamp = { by: 'Asha', on: '2026-03-31' };

function mappedWorkspace() {
  const doc = new Y.Doc();
  const ids = seedFramework(doc);
  // metric 0 and 1 serve safe/child (outcome 0) and healthy/parent-carer (outcome 2); metric 2 serves safe/child.
  updateDataMapping(doc, ids.metrics[0]!, { status: 'available' }, stamp);
  updateDataMapping(doc, ids.metrics[1]!, { status: 'missing', owner: 'Schools', nextStep: 'Add to survey' }, stamp);
  updateDataMapping(doc, ids.metrics[2]!, { status: 'partial', owner: ' schools ', nextStep: 'add  to survey' }, stamp);
  const contexts = metricContexts(readFramework(doc));
  return { doc, ids, contexts, mappings: readDataMapping(doc).byMetric };
}

describe('availability summary', () => {
  it('shares available metrics per domain and level, counting a metric in each cell it serves', () => {
    const { contexts, mappings } = mappedWorkspace();
    const { cells, domains, overall } = availabilityByDomainAndLevel(contexts, mappings);
    expect(cells).toHaveLength(20);
    const safeChild = cells.find((cell) => cell.domain === 'safe' && cell.level === 'child')!;
    expect(safeChild).toMatchObject({ total: 3, counts: { available: 1, missing: 1, partial: 1 } });
    expect(formatShare(safeChild.shareAvailable)).toBe('33%');
    const healthyCarer = cells.find((cell) => cell.domain === 'healthy' && cell.level === 'parent-carer')!;
    expect(healthyCarer.total).toBe(2);
    expect(domains.find((row) => row.domain === 'learning')).toMatchObject({ total: 0, shareAvailable: null });
    expect(overall).toMatchObject({ total: 3, counts: { available: 1 } });
  });
});

describe('data development agenda', () => {
  it('lists what is not available by owner and next step, ignoring case and spacing', () => {
    const { contexts, mappings, ids } = mappedWorkspace();
    const { owners, notMapped } = dataDevelopmentAgenda(contexts, mappings);
    expect(owners).toHaveLength(1);
    expect(owners[0]).toMatchObject({ owner: 'Schools', count: 2 });
    expect(owners[0]!.steps).toHaveLength(1);
    expect(owners[0]!.steps[0]!.items.map((item) => item.context.metric.id).sort()).toEqual(
      [ids.metrics[1], ids.metrics[2]].sort(),
    );
    expect(notMapped).toEqual([]);
  });

  it('puts unowned items last and keeps unmapped metrics apart', () => {
    const { doc, ids, contexts } = mappedWorkspace();
    updateDataMapping(doc, ids.metrics[0]!, { status: 'not-accessible', owner: '' }, stamp);
    const mappings = readDataMapping(doc).byMetric;
    mappings.delete(ids.metrics[2]!);
    const { owners, notMapped } = dataDevelopmentAgenda(contexts, mappings);
    expect(owners.map((group) => group.owner)).toEqual(['Schools', '']);
    expect(notMapped.map((context) => context.metric.id)).toEqual([ids.metrics[2]]);
  });
});
