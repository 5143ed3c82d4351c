import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ComparatorChart } from '../../../client/evidence/ComparatorChart.tsx';
import { comparatorEvidence } from '../../../shared/model/evidence/comparators.ts';
import type { Observation } from '../../../shared/schemas/observations.ts';

function buildObservation(overrides: Partial<Observation>): Observation {
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

describe('the comparator dot chart', () => {
  it('draws one row per area with a value, highest first, the place as a square, and is labelled for screen readers', () => {
    const comparators = comparatorEvidence(
      [
        buildObservation({}),
        buildObservation({ areaCode: 'E09000029', areaName: 'Sutton', value: 14, lowerCi: 13, upperCi: 15 }),
        buildObservation({
          areaCode: 'E09000008',
          areaName: 'Croydon',
          value: null,
          lowerCi: null,
          upperCi: null,
          suppressed: true,
        }),
      ],
      'E09000024',
      'Merton',
      [
        { code: 'E09000029', name: 'Sutton' },
        { code: 'E09000008', name: 'Croydon' },
      ],
      'lower-is-better',
    );
    const html = renderToStaticMarkup(
      createElement(ComparatorChart, { comparators, unit: '%', title: 'Smoking: Merton ranks 1st of 2' }),
    );
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Smoking: Merton ranks 1st of 2"');
    const areas = [...html.matchAll(/data-area="([^"]+)"/g)].map((match) => match[1]);
    expect(areas).toEqual(['E09000029', 'E09000024']);
    expect(html).toMatch(/data-area="E09000024" data-place="true"><text[^>]*font-weight="700"/);
    expect(html).not.toContain('Croydon');
  });
});
