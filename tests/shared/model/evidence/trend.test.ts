import { describe, expect, it } from 'vitest';
import {
  chiSquareForTrend,
  chiSquarePValue,
  periodSpanYears,
  recentTrend,
  robustTrendSign,
  trendChiSquareCritical,
  trendMethodWords,
  type TrendPoint,
} from '../../../../shared/model/evidence/index.ts';

/** Annual financial-year points from 2015/16, one per count (each out of its denominator). */
function countSeries(counts: (number | null)[], denominators: number | number[]): TrendPoint[] {
  return counts.map((count, index) => {
    const denominator = Array.isArray(denominators) ? denominators[index]! : denominators;
    return {
      period: `${2015 + index}/${String(16 + index).padStart(2, '0')}`,
      periodKey: (2015 + index) * 10_000,
      value: count === null ? null : (100 * count) / denominator,
      lowerCi: null,
      upperCi: null,
      count,
      denominator: count === null ? null : denominator,
    };
  });
}

const proportion = { valueType: 'proportion' as const };

describe('chiSquareForTrend: the chi-square test for trend in proportions', () => {
  it("matches R's published prop.trend.test example (smokers out of patients: X-squared = 8.2249, p = 0.004132)", () => {
    // From the examples of R's ?prop.trend.test: smokers <- c(83, 90, 129, 70); patients <- c(86, 93, 136, 82).
    const points = [83, 90, 129, 70].map((count, index) => ({ count, denominator: [86, 93, 136, 82][index]! }));
    const statistic = chiSquareForTrend(points)!;
    expect(statistic).toBeCloseTo(8.2249, 4);
    expect(chiSquarePValue(statistic)).toBeCloseTo(0.004132, 6);
  });

  it('has the 99.8% critical value of Fingertips: p = 0.002 at χ² = 9.5495', () => {
    // 9.54953570608324 is the constant in Fingertips' TrendMarkerCalculator: z(0.999)² = 3.0902² .
    expect(chiSquarePValue(trendChiSquareCritical)).toBeCloseTo(0.002, 7);
  });

  it('is undefined with no events', () => {
    expect(chiSquareForTrend([0, 0, 0].map((count) => ({ count, denominator: 100 })))).toBeNull();
  });
});

describe('recentTrend: proportions and crude rates by the chi-square test for trend at 99.8%', () => {
  it('finds a significant increase and judges it by polarity', () => {
    // r = 100, 120, 140, 160, 180 of n = 1000 each, t = 1…5:
    // N = 5000, R = 700, Σrt = 100 + 240 + 420 + 640 + 900 = 2300, Σnt = 15000, Σnt² = 55000.
    // N·Σrt − R·Σnt = 11,500,000 − 10,500,000 = 1,000,000.
    // χ² = 5000 × 1e12 / (700 × 4300 × (5000 × 55000 − 15000²)) = 5e15 / (3,010,000 × 5e7) = 33.2226 > 9.5495.
    const rising = countSeries([100, 120, 140, 160, 180], 1000);
    const trend = recentTrend(rising, 'lower-is-better', proportion);
    expect(trend).toMatchObject({
      method: 'chi-square-for-trend',
      direction: 'increasing',
      judgement: 'getting-worse',
      tested: true,
      marker: 'Increasing and getting worse',
    });
    expect(trend.statistic).toBeCloseTo(33.2226, 4);
    expect(trend.pValue).toBeLessThan(0.002);
    expect(trend.words).toMatch(/^Increasing and getting worse over the last 5 periods \(2015\/16 to 2019\/20; /);
    expect(trend.words).toContain('significant at 99.8%');
    expect(recentTrend(rising, 'higher-is-better', proportion).marker).toBe('Increasing and getting better');
    expect(recentTrend(rising, 'no-judgement', proportion)).toMatchObject({
      marker: 'Increasing',
      judgement: 'no-judgement',
    });
  });

  it('finds a significant decrease: getting better when lower is better, worse when higher is', () => {
    // The same counts reversed: N·Σrt − R·Σnt = 5000 × 1900 − 700 × 15000 = −1,000,000, so χ² is again 33.2226.
    const falling = countSeries([180, 160, 140, 120, 100], 1000);
    const trend = recentTrend(falling, 'lower-is-better', proportion);
    expect(trend).toMatchObject({ direction: 'decreasing', marker: 'Decreasing and getting better' });
    expect(trend.statistic).toBeCloseTo(33.2226, 4);
    expect(recentTrend(falling, 'higher-is-better', proportion).marker).toBe('Decreasing and getting worse');
    expect(recentTrend(falling, 'no-judgement', proportion).marker).toBe('Decreasing');
  });

  it('finds no significant change when χ² is small', () => {
    // r = 100, 104, 98, 103, 101 of 1000: R = 506, Σrt = 100 + 208 + 294 + 412 + 505 = 1519.
    // N·Σrt − R·Σnt = 7,595,000 − 7,590,000 = 5000; χ² = 5000 × 2.5e7 / (506 × 4494 × 5e7) = 0.0011.
    const flat = recentTrend(countSeries([100, 104, 98, 103, 101], 1000), 'lower-is-better', proportion);
    expect(flat).toMatchObject({
      direction: 'no-significant-change',
      judgement: 'none',
      tested: true,
      marker: 'No significant change',
    });
    expect(flat.statistic).toBeCloseTo(0.0011, 4);
    expect(flat.words).toContain('not significant at 99.8%');
  });

  it('calls no significant change when leaving out one year reverses the direction (Fingertips outlier check)', () => {
    // r = 120, 100, 100, 100, 250 of 1000: R = 670, Σrt = 120 + 200 + 300 + 400 + 1250 = 2270,
    // N·Σrt − R·Σnt = 11,350,000 − 10,050,000 = 1,300,000; χ² = 5000 × 1.69e12 / (670 × 4330 × 5e7) = 58.25.
    // But the logit slope without the last year: logits −1.9924, −2.1972, −2.1972, −2.1972 at t = 1…4 give
    // Σ(t − 2.5)·y = 2.9887 + 1.0986 − 1.0986 − 3.2958 = −0.3072 < 0, against +0.1788 with all five.
    const points = countSeries([120, 100, 100, 100, 250], 1000);
    expect(robustTrendSign(points as { count: number; denominator: number }[])).toBe(0);
    const trend = recentTrend(points, 'lower-is-better', proportion);
    expect(trend.statistic).toBeCloseTo(58.2538, 3);
    expect(trend).toMatchObject({ direction: 'no-significant-change', marker: 'No significant change' });
    expect(trend.reason).toContain('any one year is left out');
  });

  it('tests crude rates by count out of population the same way', () => {
    // 50, 60, 70, 80, 90 events in 100,000 people a year: N = 500,000, R = 350, Σrt = 1150, Σnt = 1.5e6,
    // Σnt² = 5.5e6. N·Σrt − R·Σnt = 575e6 − 525e6 = 5e7; χ² = 5e5 × 2.5e15 / (350 × 499,650 × 5e11) = 14.2957.
    const trend = recentTrend(countSeries([50, 60, 70, 80, 90], 100_000), 'lower-is-better', {
      valueType: 'crude-rate',
    });
    expect(trend.statistic).toBeCloseTo(14.2957, 4);
    expect(trend.marker).toBe('Increasing and getting worse');
  });

  it('uses only the latest five years', () => {
    // Two early years of 500 would swamp any test; only the last five (the rising 100…180) count.
    const trend = recentTrend(countSeries([500, 500, 100, 120, 140, 160, 180], 1000), 'lower-is-better', proportion);
    expect(trend.statistic).toBeCloseTo(33.2226, 4);
    expect(trend.words).toContain('(2017/18 to 2021/22;');
  });
});

describe('recentTrend: not tested, with the reason in words', () => {
  it('does not test other value types', () => {
    const trend = recentTrend(countSeries([100, 120, 140, 160, 180], 1000), 'lower-is-better', {
      valueType: 'directly-standardised-rate',
    });
    expect(trend).toMatchObject({
      direction: 'not-tested',
      judgement: 'none',
      tested: false,
      method: 'not-tested',
      marker: 'Could not be calculated',
    });
    expect(trend.words).toBe(
      'Recent trend not tested: Fingertips tests recent trends by counts and denominators for proportions and ' +
        'crude rates; this is a directly standardised rate',
    );
  });

  it('needs five consecutive recent years with counts and denominators: a suppressed year breaks the series', () => {
    const suppressed = countSeries([100, 120, null, 140, 160, 180], 1000);
    const trend = recentTrend(suppressed, 'lower-is-better', proportion);
    expect(trend).toMatchObject({ direction: 'not-enough-data', tested: false, marker: 'Could not be calculated' });
    expect(trend.reason).toBe(
      'fewer than 5 consecutive recent years have a value, a count and a denominator (3 periods have)',
    );
    const noCounts = countSeries([100, 120, 140, 160, 180], 1000).map((point) => ({ ...point, count: null }));
    expect(recentTrend(noCounts, 'lower-is-better', proportion).reason).toContain('(0 periods have)');
  });

  it('needs the years unbroken: a missing year breaks the series', () => {
    const points = countSeries([100, 120, 140, 160, 180, 200], 1000).filter((_, index) => index !== 2);
    expect(recentTrend(points, 'lower-is-better', proportion).reason).toContain('(3 periods have)');
  });

  it('does not test quarters, months or multi-year periods', () => {
    const quarters = countSeries([100, 120, 140, 160, 180], 1000).map((point, index) => ({
      ...point,
      period: `2021/22 Q${index + 1}`,
      periodKey: 20210000 + (index + 1) * 100,
    }));
    expect(recentTrend(quarters, 'lower-is-better', proportion).reason).toContain('quarters or months');
    const rolling = countSeries([100, 120, 140, 160, 180], 1000).map((point, index) => ({
      ...point,
      period: `${2015 + index} - ${17 + index}`,
    }));
    expect(recentTrend(rolling, 'lower-is-better', proportion).reason).toContain('span several years (2015 - 17)');
    expect(periodSpanYears('2017 - 19')).toBe(3);
    expect(periodSpanYears('2019/20')).toBe(1);
    expect(periodSpanYears('2019/20 - 21/22')).toBe(3);
    expect(periodSpanYears('2021')).toBe(1);
  });

  it('does not test a zero count or a count equal to its denominator', () => {
    const zero = recentTrend(countSeries([0, 10, 20, 30, 40], 1000), 'lower-is-better', proportion);
    expect(zero).toMatchObject({ direction: 'not-tested', marker: 'Could not be calculated' });
    expect(zero.reason).toContain('zero or equal to its denominator');
  });

  it('says how the trend was judged', () => {
    const tested = recentTrend(countSeries([100, 120, 140, 160, 180], 1000), 'lower-is-better', proportion);
    expect(trendMethodWords(tested)).toContain('chi-square test for trend');
  });
});

describe('recentTrend without a known value type: the first and last 95% intervals (no metadata)', () => {
  function intervalSeries(values: (number | null)[], halfWidth: number | null): TrendPoint[] {
    return values.map((value, index) => ({
      period: `${2015 + index}/${String(16 + index).padStart(2, '0')}`,
      periodKey: (2015 + index) * 10_000,
      value,
      lowerCi: value === null || halfWidth === null ? null : value - halfWidth,
      upperCi: value === null || halfWidth === null ? null : value + halfWidth,
    }));
  }

  it('looks at the last five periods and judges by polarity, saying it used intervals', () => {
    // First of the last five: 20 (19–21); last: 28 (27–29): intervals apart, so increasing.
    const rising = intervalSeries([10, 11, 20, 22, 24, 26, 28], 1);
    const trend = recentTrend(rising, 'higher-is-better');
    expect(trend).toMatchObject({
      method: 'interval-overlap',
      direction: 'increasing',
      judgement: 'getting-better',
      tested: true,
      words: 'Increasing and getting better over the last 5 periods (2017/18 to 2021/22)',
    });
    expect(recentTrend(rising, 'lower-is-better').judgement).toBe('getting-worse');
    expect(recentTrend(rising, 'no-judgement').words).toMatch(/^Increasing over the last 5/);
    expect(trendMethodWords(trend)).toContain('no indicator metadata');
  });

  it('finds no significant change when the first and last intervals overlap', () => {
    // 20 (18–22) and 22 (20–24) overlap.
    expect(recentTrend(intervalSeries([20, 21, 22], 2), 'higher-is-better')).toMatchObject({
      direction: 'no-significant-change',
      judgement: 'none',
    });
  });

  it('gives the direction without a test when there are no intervals', () => {
    const trend = recentTrend(intervalSeries([30, 25, 20], null), 'lower-is-better');
    expect(trend).toMatchObject({ direction: 'decreasing', judgement: 'getting-better', tested: false });
    expect(trend.words).toContain('not tested for significance');
  });

  it('needs two periods with a value, skipping suppressed ones', () => {
    expect(recentTrend(intervalSeries([5, null, null], 1), 'higher-is-better').direction).toBe('not-enough-data');
    expect(recentTrend([], 'higher-is-better').words).toMatch(/^Not enough data/);
  });
});
