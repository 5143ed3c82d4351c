import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ComparatorChart } from '../../../client/evidence/ComparatorChart.tsx';
import { comparatorEvidence } from '../../../shared/model/evidence/comparators.ts';
import { buildObservation } from '../../shared/model/evidence/observationFactory.ts';

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
