import { describe, expect, it } from 'vitest';
import { isSmallCount, periodSortKey, suppressSmallCount } from '../../../../shared/model/evidence/index.ts';

describe('suppressSmallCount', () => {
  const observation = { value: 12.5, lowerCi: 4, upperCi: 30, count: 3, denominator: 24, note: '' };

  it('removes value, interval and count when the count is under 5', () => {
    expect(suppressSmallCount(observation)).toEqual({
      ...observation,
      value: null,
      lowerCi: null,
      upperCi: null,
      count: null,
      suppressed: true,
    });
    expect(isSmallCount(0)).toBe(true);
    expect(isSmallCount(4)).toBe(true);
  });

  it('keeps counts of 5 and more, and observations with no count', () => {
    expect(suppressSmallCount({ ...observation, count: 5 })).toMatchObject({ value: 12.5, suppressed: false });
    expect(suppressSmallCount({ ...observation, count: null })).toMatchObject({ value: 12.5, suppressed: false });
  });
});

describe('periodSortKey', () => {
  it('orders financial years, pooled years, quarters and months', () => {
    expect(periodSortKey('2019/20')).toBe(20190000);
    expect(periodSortKey('2017 - 19')).toBe(20170000);
    expect(periodSortKey('2021/22 Q3')).toBe(20210300);
    expect(periodSortKey('Mar 2022')).toBe(20220300);
    expect(periodSortKey('latest')).toBeNull();
  });
});
