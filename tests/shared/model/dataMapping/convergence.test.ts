import { describe, expect, it } from 'vitest';
import {
  dataMappingText,
  ensureDataMappingEntries,
  readDataMapping,
  readMetricMapping,
  updateDataMapping,
} from '../../../../shared/model/dataMapping/index.ts';
import { MemoryNetwork } from '../../../helpers/memoryNetwork.ts';

function drain(network: MemoryNetwork): void {
  while (network.step()) {
    /* deliver what is in flight, with drops and reorders */
  }
  network.heal();
}

describe('data mapping converges when three people edit one metric at once', () => {
  for (const seed of [1, 7, 42, 2026]) {
    it(`keeps every field each person changed (seed ${seed})`, () => {
      const network = new MemoryNetwork(seed, 3, 0.1);
      const [a, b, c] = network.replicas as [
        (typeof network.replicas)[0],
        (typeof network.replicas)[0],
        (typeof network.replicas)[0],
      ];
      ensureDataMappingEntries(a, ['m1', 'm2']);
      drain(network);
      updateDataMapping(a, 'm1', { status: 'not-accessible' }, { by: 'Asha', on: '2026-03-01' });
      updateDataMapping(b, 'm1', { owner: 'NHS trust' }, { by: 'Ben', on: '2026-03-01' });
      dataMappingText(c, 'm1', 'reason').insert(0, 'Needs a data-sharing agreement');
      updateDataMapping(c, 'm2', { status: 'missing', nextStep: 'Add to the survey' }, { by: 'Cy', on: '2026-03-02' });
      drain(network);
      const [first, ...rest] = network.replicas.map((replica) => readDataMapping(replica).byMetric);
      for (const other of rest) expect(other).toEqual(first);
      expect(readMetricMapping(a, 'm1')).toMatchObject({
        status: 'not-accessible',
        owner: 'NHS trust',
        reason: 'Needs a data-sharing agreement',
      });
      expect(readMetricMapping(b, 'm2')).toMatchObject({ status: 'missing', nextStep: 'Add to the survey' });
    });
  }
});
