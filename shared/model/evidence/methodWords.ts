import type { ComparisonMethod } from '../../schemas/evidenceMethods.ts';
import { comparisonMark, type ComparisonTier, type MethodComparison } from './significance.ts';
import type { Trend } from './trend.ts';

/** How a comparison was made, in a sentence: "Compared by the 95% confidence interval against England's value". */
export function comparisonMethodWords(method: ComparisonMethod, comparatorName: string): string {
  const against = `against ${comparatorName}'s value`;
  switch (method) {
    case 'ci-95':
      return `Compared by the 95% confidence interval ${against}`;
    case 'ci-99.8':
      return `Compared by the 99.8% confidence interval ${against}`;
    case 'ci-95-and-99.8':
      return `Compared by the 95% and the 99.8% confidence intervals ${against} (two tiers)`;
    case 'quintiles':
      return 'Placed by quintile among all areas of its type in England: higher or lower, not better or worse';
    case 'not-compared':
      return `Not compared with ${comparatorName}: Fingertips does not compare this indicator`;
  }
}

/** One tier of a confidence-interval comparison as a text mark: "95%: Worse", "99.8%: Similar". */
export function tierMark(tier: ComparisonTier): string {
  return `${tier.level}%: ${comparisonMark({ direction: tier.direction, judgement: tier.judgement, words: '', reason: null })}`;
}

/** The short mark of a method comparison: a quintile's name ("Highest quintile"), otherwise as `comparisonMark`. */
export function methodComparisonMark(comparison: MethodComparison): string {
  return comparisonMark(comparison);
}

/** How the recent trend was judged, in a sentence, so an analyst can match it with Fingertips. */
export function trendMethodWords(trend: Trend): string {
  switch (trend.method) {
    case 'chi-square-for-trend':
      return "Recent trend by Fingertips' test: the chi-square test for trend on the counts and denominators of the last five years, significant at 99.8%";
    case 'interval-overlap':
      return "Recent trend by comparing the 95% intervals of the first and last of the latest five periods: no indicator metadata gives the value type, so Fingertips' test cannot be chosen";
    case 'not-tested':
      return trend.direction === 'not-enough-data'
        ? "Fingertips' test (the chi-square test for trend at 99.8%) needs the last five years unbroken, each with a count and a denominator"
        : "Fingertips' recent-trend test (the chi-square test for trend at 99.8%) was not applied";
  }
}

/** What a comparison method means, in a sentence or two for the evidence page (areaName: the partnership's area). */
export function comparisonMethodExplanation(method: ComparisonMethod, areaName: string): string {
  const wholly = `when ${areaName}’s interval lies wholly above or below the other value, the difference is called significant; otherwise it is similar.`;
  switch (method) {
    case 'ci-95':
      return `Compared using 95% confidence intervals: ${wholly}`;
    case 'ci-99.8':
      return `Compared using 99.8% confidence intervals (a stricter test than 95%): ${wholly}`;
    case 'ci-95-and-99.8':
      return `Compared at two levels: when ${areaName}’s 99.8% interval lies wholly above or below the other value, the difference holds at 99.8%; when only its 95% interval does, at 95% only; otherwise it is similar.`;
    case 'quintiles':
      return `Placed by quintile: which fifth of all areas of its type in England ${areaName}’s value falls in, from lowest to highest. Quintiles say higher or lower, never better or worse.`;
    case 'not-compared':
      return 'Fingertips does not compare this indicator with other areas, so neither do we.';
  }
}
