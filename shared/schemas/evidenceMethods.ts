import { z } from 'zod';

/**
 * How a metric is compared with England and the region — Fingertips' "benchmarking method": the area's 95% or 99.8%
 * confidence interval against the comparator's value, both levels as two tiers, quintiles (indicators with no
 * polarity), or not compared at all.
 */
export const comparisonMethodKeys = ['ci-95', 'ci-99.8', 'ci-95-and-99.8', 'quintiles', 'not-compared'] as const;
export const ComparisonMethodSchema = z.enum(comparisonMethodKeys);
export type ComparisonMethod = z.infer<typeof ComparisonMethodSchema>;

/** The comparison method of a metric with no indicator metadata: the 95% interval, as before metadata existed. */
export const defaultComparisonMethod: ComparisonMethod = 'ci-95';

/**
 * Fingertips value types, as far as the methods need them: the recent-trend test (chi-square test for trend) is
 * defined for proportions and crude rates with counts and denominators; every other type is "not tested".
 */
export const valueTypeKeys = [
  'proportion',
  'crude-rate',
  'directly-standardised-rate',
  'indirectly-standardised-ratio',
  'count',
  'mean',
  'life-expectancy',
  'score',
  'other',
] as const;
export const ValueTypeSchema = z.enum(valueTypeKeys);
export type ValueType = z.infer<typeof ValueTypeSchema>;

/** The methods one metric's evidence is judged by (from its indicator metadata, or the defaults). */
export const EvidenceMethodSchema = z.object({
  comparison: ComparisonMethodSchema,
  valueType: ValueTypeSchema,
  /** Where the methods came from: the imported Fingertips metadata, or the defaults for a metric without any. */
  source: z.enum(['fingertips-metadata', 'default']),
});
export type EvidenceMethod = z.infer<typeof EvidenceMethodSchema>;

export const defaultEvidenceMethod: EvidenceMethod = {
  comparison: defaultComparisonMethod,
  valueType: 'other',
  source: 'default',
};
