import { describe, expect, it } from 'vitest';
import { recentTrend, type TrendPoint } from '../../../../shared/model/evidence/index.ts';

function series(values: (number | null)[], halfWidth: number | null): TrendPoint[] {
  return values.map((value, index) => ({
    period: `${2015 + index}/${String(16 + index).padStart(2, '0')}`,
    periodKey: (2015 + index) * 10_000,
    value,
    lowerCi: value === null || halfWidth === null ? null : value - halfWidth,
    upperCi: value === null || halfWidth === null ? null : value + halfWidth,
  }));
}

describe('recentTrend', () => {
  it('looks at the last five periods and judges by polarity', () => {
    const rising = series([10, 11, 20, 22, 24, 26, 28], 1);
    expect(recentTrend(rising, 'higher-is-better')).toMatchObject({
      direction: 'increasing',
      judgement: 'getting-better',
      tested: true,
      words: 'Increasing and getting better over the last 5 periods (2017/18 to 2021/22)',
    });
    expect(recentTrend(rising, 'lower-is-better').judgement).toBe('getting-worse');
    expect(recentTrend(rising, 'no-judgement').words).toMatch(/^Increasing over the last 5/);
  });

  it('finds no significant change when the first and last intervals overlap', () => {
    expect(recentTrend(series([20, 21, 22], 2), 'higher-is-better')).toMatchObject({
      direction: 'no-significant-change',
      judgement: 'none',
    });
  });

  it('gives the direction without a test when there are no intervals', () => {
    const trend = recentTrend(series([30, 25, 20], null), 'lower-is-better');
    expect(trend).toMatchObject({ direction: 'decreasing', judgement: 'getting-better', tested: false });
    expect(trend.words).toContain('not tested for significance');
  });

  it('needs two periods with a value, skipping suppressed ones', () => {
    expect(recentTrend(series([5, null, null], 1), 'higher-is-better').direction).toBe('not-enough-data');
    expect(recentTrend([], 'higher-is-better').words).toMatch(/^Not enough data/);
  });
});
