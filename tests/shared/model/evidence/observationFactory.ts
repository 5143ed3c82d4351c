import type { Observation } from '../../../../shared/schemas/observations.ts';

/**
 * An observation for tests: Merton's whole population in 2021/22, 10 (9 to 11) from 130 of 1,000, imported from
 * Fingertips, with no 99.8% limits, quintile or Fingertips comparison unless given.
 */
export function buildObservation(overrides: Partial<Observation> = {}): Observation {
  return {
    metricId: 'm1',
    areaCode: 'E09000024',
    areaName: 'Merton',
    period: '2021/22',
    periodKey: 20210000,
    categoryType: '',
    category: '',
    value: 10,
    lowerCi: 9,
    upperCi: 11,
    count: 130,
    denominator: 1000,
    note: '',
    source: 'fingertips',
    suppressed: false,
    importedAt: '2026-03-31T00:00:00.000Z',
    batchId: 'b1',
    lowerCi998: null,
    upperCi998: null,
    quintile: null,
    fingertipsComparisons: { england: null, region: null },
    ...overrides,
  };
}
