import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ComparatorSection } from '../../../client/evidence/ComparatorSection.tsx';
import type { MetricComparators } from '../../../shared/schemas/comparatorAreas.ts';

const comparators: MetricComparators = {
  chosen: 2,
  period: '2021/22',
  place: { areaCode: 'E09000024', areaName: 'Merton', value: 24, lowerCi: 23.6, upperCi: 24.4, suppressed: false },
  rank: 2,
  ranked: 2,
  firstIs: 'lowest',
  rankWords: '2nd of 2 (1st = lowest, the best for this metric)',
  range: { min: 21, minAreaName: 'Kingston upon Thames', max: 21, maxAreaName: 'Kingston upon Thames' },
  areas: [
    {
      areaCode: 'E09000021',
      areaName: 'Kingston upon Thames',
      value: 21,
      lowerCi: 20.6,
      upperCi: 21.4,
      suppressed: false,
      method: 'ci-95-overlap',
      methodWords: 'The place’s 95% confidence interval against the comparator area’s own 95% interval.',
      level: '95',
      judgement: 'worse',
      words: 'significantly worse than Kingston upon Thames',
    },
    {
      areaCode: 'E09000032',
      areaName: 'Wandsworth',
      value: null,
      lowerCi: null,
      upperCi: null,
      suppressed: true,
      method: 'ci-95-overlap',
      methodWords: 'The place’s 95% confidence interval against the comparator area’s own 95% interval.',
      level: '95',
      judgement: 'not-compared',
      words: 'not compared with Wandsworth (its value is suppressed: a small count)',
    },
  ],
};

const render = (props: Partial<Parameters<typeof ComparatorSection>[0]> = {}) =>
  renderToStaticMarkup(
    createElement(
      MemoryRouter,
      null,
      createElement(ComparatorSection, {
        comparators,
        metricName: 'Smoking at time of delivery',
        unit: '%',
        choosePath: '/p/p1/evidence/comparators',
        ...props,
      }),
    ),
  );

describe('the place against its comparator areas, on screen', () => {
  it('says the rank, the range and every comparison in words, with suppressed values shown as suppressed', () => {
    const html = render();
    expect(html).toContain('Merton ranks 2nd of 2 (1st = lowest, the best for this metric) in 2021/22.');
    expect(html).toContain('Comparator areas range from 21% (Kingston upon Thames) to 21% (Kingston upon Thames).');
    expect(html).toContain('<caption>Smoking at time of delivery, 2021/22: Merton and its comparator areas</caption>');
    expect(html).toContain('Worse</span> significantly worse than Kingston upon Thames');
    expect(html).toContain('suppressed (&lt;5)');
    expect(html).toContain('The place’s 95% confidence interval');
  });

  it('offers the choice when none are chosen, and folds the table away on the outcome page', () => {
    expect(render({ comparators: { ...comparators, chosen: 0, areas: [] } })).toContain('Choose comparator areas');
    expect(render({ comparators: { ...comparators, chosen: 0, areas: [] }, compact: true })).toBe('');
    expect(render({ compact: true })).toContain('<summary>Comparator areas table</summary>');
  });
});
