import { describe, expect, it } from 'vitest';
import {
  comparatorEvidence,
  compareWithComparatorArea,
  ordinal,
  rankAmong,
  rankWords,
} from '../../../../shared/model/evidence/comparators.ts';
import { suppressSmallCount } from '../../../../shared/model/evidence/suppression.ts';
import type { Observation } from '../../../../shared/schemas/observations.ts';
import { buildObservation as observation } from './observationFactory.ts';

const buildObservation = (overrides: Partial<Observation> = {}): Observation =>
  observation({ ...{ lowerCi998: 8.5, upperCi998: 11.5, quintile: 3 }, ...overrides });

describe('the place against a comparator area', () => {
  const place = { value: 10, lowerCi: 9, upperCi: 11 };

  it('calls a difference significant only when the two 95% intervals do not overlap (touching is similar)', () => {
    expect(
      compareWithComparatorArea(place, { value: 13, lowerCi: 11.5, upperCi: 14 }, 'higher-is-better', 'Sutton'),
    ).toEqual({ judgement: 'worse', words: 'significantly worse than Sutton' });
    expect(
      compareWithComparatorArea(place, { value: 13, lowerCi: 11.5, upperCi: 14 }, 'lower-is-better', 'Sutton'),
    ).toEqual({ judgement: 'better', words: 'significantly better than Sutton' });
    expect(
      compareWithComparatorArea(place, { value: 12, lowerCi: 11, upperCi: 13 }, 'lower-is-better', 'Sutton'),
    ).toEqual({ judgement: 'similar', words: 'similar to Sutton' });
    // The value 12 is outside the place's interval, but the comparator's own interval reaches it: similar.
    expect(
      compareWithComparatorArea(place, { value: 7, lowerCi: 6, upperCi: 9.5 }, 'no-judgement', 'Sutton').judgement,
    ).toBe('similar');
    expect(compareWithComparatorArea(place, { value: 7, lowerCi: 6, upperCi: 8 }, 'no-judgement', 'Sutton')).toEqual({
      judgement: 'higher',
      words: 'significantly higher than Sutton (no judgement)',
    });
  });

  it('does not compare a suppressed value or one without an interval, and says why', () => {
    const suppressed = { value: null, lowerCi: null, upperCi: null, suppressed: true };
    expect(compareWithComparatorArea(place, suppressed, 'higher-is-better', 'Sutton').words).toBe(
      'not compared with Sutton (its value is suppressed: a small count)',
    );
    expect(
      compareWithComparatorArea(place, { value: 3, lowerCi: null, upperCi: null }, 'higher-is-better', 'Sutton').words,
    ).toBe('not compared with Sutton (no confidence interval for Sutton)');
  });

  it('ranks with the best first by polarity (highest first with no judgement), ties sharing a rank', () => {
    expect(rankAmong(10, [12, 8, 10, 3], 'higher-is-better')).toBe(2);
    expect(rankAmong(10, [12, 8, 10, 3], 'lower-is-better')).toBe(3);
    expect(rankAmong(10, [12, 8, 10, 3], 'no-judgement')).toBe(2);
    expect(rankAmong(null, [1], 'no-judgement')).toBeNull();
    expect(rankWords(3, 11, 'lower-is-better')).toBe('3rd of 11 (1st = lowest, the best for this metric)');
    expect(rankWords(1, 4, 'no-judgement')).toBe('1st of 4 (1st = highest; no judgement of better or worse)');
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '101st',
      '111th',
    ]);
  });

  it('answers the latest period where the place has a value, leaving suppressed comparators out of rank and range', () => {
    const observations = [
      buildObservation({ period: '2020/21', periodKey: 20200000, value: 50 }),
      buildObservation(),
      buildObservation({ period: '2022/23', periodKey: 20220000, value: null, lowerCi: null, upperCi: null }),
      buildObservation({ areaCode: 'E09000029', areaName: 'Sutton', value: 14, lowerCi: 13, upperCi: 15 }),
      buildObservation({ areaCode: 'E09000021', areaName: 'Kingston upon Thames', value: 6, lowerCi: 5, upperCi: 7 }),
      suppressSmallCount(buildObservation({ areaCode: 'E09000008', areaName: 'Croydon', count: 2, value: 1 })),
      buildObservation({ areaCode: 'E09000008', categoryType: 'Sex', category: 'Male', value: 99 }),
    ];
    const comparators = [
      { code: 'E09000029', name: 'Sutton' },
      { code: 'E09000021', name: 'Kingston' },
      { code: 'E09000008', name: 'Croydon' },
      { code: 'E09000006', name: 'Bromley' },
    ];
    const answer = comparatorEvidence(observations, 'E09000024', 'Merton', comparators, 'higher-is-better');
    expect(answer).toMatchObject({
      chosen: 4,
      period: '2021/22',
      place: { value: 10 },
      rank: 2,
      ranked: 3,
      firstIs: 'highest',
      range: { min: 6, minAreaName: 'Kingston upon Thames', max: 14, maxAreaName: 'Sutton' },
    });
    expect(answer.areas.map((area) => [area.areaName, area.value, area.judgement])).toEqual([
      ['Sutton', 14, 'worse'],
      ['Kingston upon Thames', 6, 'better'],
      ['Croydon', null, 'not-compared'],
      ['Bromley', null, 'not-compared'],
    ]);
    expect(comparatorEvidence(observations, 'E09000024', 'Merton', [], 'higher-is-better').areas).toEqual([]);
  });
});
