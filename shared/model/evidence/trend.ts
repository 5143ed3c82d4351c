import type { Polarity } from '../../schemas/framework.ts';
import type { ValueType } from '../../schemas/evidenceMethods.ts';
import { intervalTrend } from './intervalTrend.ts';
import type { Estimate } from './significance.ts';
import { trendJudgement, trendMarker, type TrendMarker } from './trendMarker.ts';

/** One point of a series: a period with its value, and the count and denominator the trend test needs. */
export interface TrendPoint extends Estimate {
  period: string;
  periodKey: number;
  count?: number | null;
  denominator?: number | null;
}

/** The recent trend of a series, in words. */
export interface Trend {
  /**
   * 'not-enough-data': the test applies but fewer than five unbroken periods have a count and denominator;
   * 'not-tested': the test does not apply (value type, periods) or the data cannot be tested; 'no-change': equal
   * first and last values without intervals (only from the interval comparison of an unknown value type).
   */
  direction: 'increasing' | 'decreasing' | 'no-significant-change' | 'no-change' | 'not-enough-data' | 'not-tested';
  judgement: 'getting-better' | 'getting-worse' | 'no-judgement' | 'none';
  /**
   * Whether a significance test was run, significant or not: the chi-square test for trend, or (value type unknown)
   * the interval comparison. False for "could not be calculated" and "not tested".
   */
  tested: boolean;
  /** E.g. "Increasing and getting worse over the last 5 periods (2018/19 to 2022/23; …)". */
  words: string;
  /** The marker Fingertips would show. */
  marker: TrendMarker;
  /**
   * 'chi-square-for-trend': Fingertips' test; 'interval-overlap': the first and last 95% intervals compared, for a
   * metric whose value type is unknown (no indicator metadata); 'not-tested': neither applies.
   */
  method: 'chi-square-for-trend' | 'interval-overlap' | 'not-tested';
  /** The chi-square statistic (1 degree of freedom), when tested. */
  statistic: number | null;
  /** Its two-sided p-value, when tested. */
  pValue: number | null;
  /** Why the trend was not tested (or not called significant despite the statistic), in words. */
  reason: string | null;
}

/** How many of the latest periods the recent trend looks at (Fingertips: the most recent five). */
export const trendWindow = 5;

/** The significance level of the recent trend, as Fingertips' markers use it. */
export const trendSignificanceLevel = 99.8;

/** The chi-square value (1 degree of freedom) a trend must exceed to be significant at 99.8%: 3.0902² (z at 0.1%). */
export const trendChiSquareCritical = 9.54953570608324;

/** Value types the chi-square test for trend is defined for (they have a count out of a denominator). */
const testedValueTypes: ReadonlySet<ValueType> = new Set<ValueType>(['proportion', 'crude-rate']);

const valueTypeWords: Readonly<Record<ValueType, string>> = {
  proportion: 'a proportion',
  'crude-rate': 'a crude rate',
  'directly-standardised-rate': 'a directly standardised rate',
  'indirectly-standardised-ratio': 'an indirectly standardised ratio',
  count: 'a count',
  mean: 'a mean',
  'life-expectancy': 'a life expectancy',
  score: 'a score',
  other: 'a value of unknown type',
};

/** A count r out of a denominator n at time score t (1, 2, 3… for consecutive years). */
export interface TrendCount {
  count: number;
  denominator: number;
}

/**
 * The chi-square test for linear trend in proportions (Armitage 1955; Altman 1991 §10.7.4; R's `prop.trend.test`),
 * scores 1, 2, 3… : χ² = N (N Σrₜt − R Σnₜt)² / (R (N − R) (N Σnₜt² − (Σnₜt)²)), N = Σn, R = Σr; 1 degree of freedom.
 * Null when it is undefined (no events, or every unit an event).
 */
export function chiSquareForTrend(points: readonly TrendCount[]): number | null {
  let N = 0;
  let R = 0;
  let sumRt = 0;
  let sumNt = 0;
  let sumNt2 = 0;
  points.forEach(({ count, denominator }, index) => {
    const t = index + 1;
    N += denominator;
    R += count;
    sumRt += count * t;
    sumNt += denominator * t;
    sumNt2 += denominator * t * t;
  });
  const divisor = R * (N - R) * (N * sumNt2 - sumNt * sumNt);
  if (!(divisor > 0)) return null;
  return (N * (N * sumRt - R * sumNt) ** 2) / divisor;
}

/** The upper-tail probability of a chi-square statistic with 1 degree of freedom: erfc(√(χ²/2)). */
export function chiSquarePValue(statistic: number): number {
  return erfc(Math.sqrt(statistic / 2));
}

// Numerical Recipes' erfcc (Chebyshev fit): fractional error below 1.2e-7 everywhere, ample for a displayed p-value.
function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const result = t * Math.exp(poly);
  return x >= 0 ? result : 2 - result;
}

/** The ordinary least-squares slope of y on t. */
function slope(points: readonly { t: number; y: number }[]): number {
  const n = points.length;
  const sumT = points.reduce((sum, point) => sum + point.t, 0);
  const sumY = points.reduce((sum, point) => sum + point.y, 0);
  const sumTY = points.reduce((sum, point) => sum + point.t * point.y, 0);
  const sumT2 = points.reduce((sum, point) => sum + point.t * point.t, 0);
  return (n * sumTY - sumT * sumY) / (n * sumT2 - sumT * sumT);
}

/**
 * Fingertips' guard against one unusual year making the trend: the slope of log(r / (n − r)) on time, fitted to all
 * five points and to each four left after dropping one, must have the same sign all six times (a zero slope counts
 * as rising, as in Fingertips). Returns that sign (1 or −1), or 0 when the six disagree.
 */
export function robustTrendSign(points: readonly TrendCount[]): 1 | -1 | 0 {
  const logits = points.map(({ count, denominator }, index) => ({
    t: index + 1,
    y: Math.log(count / (denominator - count)),
  }));
  const fits = [logits, ...logits.map((_, left) => logits.filter((__, index) => index !== left))];
  const signs = fits.map((fit) => (slope(fit) < 0 ? -1 : 1));
  return signs.every((sign) => sign === signs[0]) ? signs[0]! : 0;
}

/** The years a period label spans: "2017 - 19" → 3, "2019/20 - 21/22" → 3, "2019/20" → 1, "2021" → 1. */
export function periodSpanYears(label: string): number {
  const range = /(\d{4})(?:\/\d{2})?\s*[-–]\s*(\d{2,4})(?:\/\d{2})?\b/.exec(label);
  if (!range) return 1;
  const start = Number(range[1]);
  const endText = range[2]!;
  const end = endText.length === 4 ? Number(endText) : Math.floor(start / 100) * 100 + Number(endText);
  return end >= start ? end - start + 1 : 1;
}

/** What the recent trend needs to know about the metric. */
export interface TrendOptions {
  /** The metric's value type: only proportions and crude rates are tested. Defaults to 'other'. */
  valueType?: ValueType;
  /**
   * Whether the value type is known (from indicator metadata). When it is not, the old comparison of the first and
   * last intervals is used instead (`intervalTrend`), saying so. Defaults to "known unless 'other'".
   */
  valueTypeKnown?: boolean;
}

/**
 * The recent trend by Fingertips' published test: for proportions and crude rates, the chi-square test for trend
 * over the most recent five annual periods, each with a count and denominator and unbroken by a missing or suppressed
 * one, significant at 99.8% (χ² > 9.55) only when the direction survives leaving out any one year. Polarity turns
 * increasing/decreasing into getting better/worse. Other known value types, or data the test cannot use, are "not
 * tested" with the reason in words; an unknown value type falls back to `intervalTrend`.
 */
export function recentTrend(
  points: readonly TrendPoint[],
  polarity: Polarity,
  { valueType = 'other', valueTypeKnown = valueType !== 'other' }: TrendOptions = {},
): Trend {
  if (!testedValueTypes.has(valueType)) {
    // Without metadata nobody has said what kind of value this is: keep the old cautious interval comparison.
    if (!valueTypeKnown) return intervalTrend(points, polarity, trendWindow);
    return notTested(
      `Fingertips tests recent trends by counts and denominators for proportions and crude rates; this is ${valueTypeWords[valueType]}`,
    );
  }
  const ordered = [...points].sort((a, b) => a.periodKey - b.periodKey);
  if (ordered.some((point) => point.periodKey % 10_000 !== 0)) {
    return notTested('the periods are quarters or months; Fingertips tests only annual periods');
  }
  const multiYear = ordered.find((point) => periodSpanYears(point.period) > 1);
  if (multiYear) {
    return notTested(
      `the periods span several years (${multiYear.period}); Fingertips tests only single, non-overlapping years`,
    );
  }
  const run = latestUnbrokenRun(ordered);
  if (run.length < trendWindow) {
    const had = run.length === 1 ? '1 period has' : `${run.length} periods have`;
    return {
      ...untested(
        `fewer than ${trendWindow} consecutive recent years have a value, a count and a denominator (${had})`,
      ),
      direction: 'not-enough-data',
    };
  }
  const window = run.slice(-trendWindow) as (TrendPoint & TrendCount)[];
  if (window.some((point) => point.count <= 0 || point.count >= point.denominator)) {
    return notTested('a count is zero or equal to its denominator in the last five years, so the test is undefined');
  }
  const statistic = chiSquareForTrend(window);
  if (statistic === null) return notTested('the counts cannot be tested (no events, or every unit an event)');
  const pValue = chiSquarePValue(statistic);
  const span = `over the last ${trendWindow} periods (${window[0]!.period} to ${window[trendWindow - 1]!.period}`;
  const test = `chi-square test for trend, χ² = ${statistic.toFixed(2)}, p ${formatP(pValue)}`;
  const sign = robustTrendSign(window);
  const tested = { tested: true, method: 'chi-square-for-trend' as const, statistic, pValue };
  if (statistic <= trendChiSquareCritical || sign === 0) {
    const reason =
      statistic > trendChiSquareCritical
        ? 'the direction changes when any one year is left out, so Fingertips does not call it a trend'
        : null;
    const why = reason ? `; ${reason}` : `; not significant at ${trendSignificanceLevel}%`;
    return {
      ...tested,
      direction: 'no-significant-change',
      judgement: 'none',
      marker: 'No significant change',
      words: `No significant change ${span}; ${test}${why})`,
      reason,
    };
  }
  const direction = sign > 0 ? 'increasing' : 'decreasing';
  const judgement = trendJudgement(direction, polarity);
  const marker = trendMarker(direction, judgement);
  return {
    ...tested,
    direction,
    judgement,
    marker,
    words: `${marker} ${span}; ${test}, significant at ${trendSignificanceLevel}%)`,
    reason: null,
  };
}

/**
 * The most recent run of consecutive years whose points all have a value, a count and a denominator: a missing or
 * suppressed year breaks the series, as Fingertips requires ("no breaks in the series").
 */
function latestUnbrokenRun(ordered: readonly TrendPoint[]): TrendPoint[] {
  const run: TrendPoint[] = [];
  for (let index = ordered.length - 1; index >= 0; index--) {
    const point = ordered[index]!;
    const usable =
      point.value !== null &&
      point.count !== null &&
      point.count !== undefined &&
      point.denominator !== null &&
      point.denominator !== undefined;
    const next = run[0];
    const consecutive = next === undefined || next.periodKey - point.periodKey === 10_000;
    if (!usable || !consecutive) break;
    run.unshift(point);
  }
  return run;
}

function formatP(pValue: number): string {
  if (pValue < 0.001) return '< 0.001';
  return `= ${pValue.toFixed(3)}`;
}

function untested(reason: string): Trend {
  return {
    direction: 'not-tested',
    judgement: 'none',
    tested: false,
    words: `Recent trend could not be calculated: ${reason}`,
    marker: 'Could not be calculated',
    method: 'not-tested',
    statistic: null,
    pValue: null,
    reason,
  };
}

function notTested(reason: string): Trend {
  return { ...untested(reason), words: `Recent trend not tested: ${reason}` };
}
