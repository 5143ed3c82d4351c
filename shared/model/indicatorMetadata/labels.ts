import type { ComparisonMethod, ValueType } from '../../schemas/evidenceMethods.ts';

/** How a metric is compared with England and the region, in words. */
export const comparisonMethodWords: Readonly<Record<ComparisonMethod, string>> = {
  'ci-95': 'The 95% confidence interval against the comparator’s value',
  'ci-99.8': 'The 99.8% confidence interval against the comparator’s value',
  'ci-95-and-99.8': 'The 95% and 99.8% confidence intervals against the comparator’s value (two tiers)',
  quintiles: 'Quintiles of all areas, worded higher or lower (no judgement of better or worse)',
  'not-compared': 'Not compared',
};

/** Fingertips value types in words. */
export const valueTypeWords: Readonly<Record<ValueType, string>> = {
  proportion: 'Proportion',
  'crude-rate': 'Crude rate',
  'directly-standardised-rate': 'Directly standardised rate',
  'indirectly-standardised-ratio': 'Indirectly standardised ratio',
  count: 'Count',
  mean: 'Mean',
  'life-expectancy': 'Life expectancy',
  score: 'Score',
  other: 'Other',
};
