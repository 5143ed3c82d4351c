import { z } from 'zod';
import { AreaCodeSchema } from './partnerships.ts';

/** The most comparator areas a partnership may choose: statistical-neighbour sets have 10 to 16 members. */
export const maxComparatorAreas = 20;

/** `PUT /api/partnerships/:id/comparator-areas`: ONS codes in the order they should be listed. */
export const ComparatorAreasRequestSchema = z.object({
  areaCodes: z
    .array(AreaCodeSchema)
    .max(maxComparatorAreas, { error: `Choose at most ${maxComparatorAreas} comparator areas` })
    .refine((codes) => new Set(codes).size === codes.length, { error: 'Each area may be chosen once' }),
});
export type ComparatorAreasRequest = z.input<typeof ComparatorAreasRequestSchema>;

/** One chosen comparator area, named from the imports that brought its rows (its code until one has). */
export const ComparatorAreaSchema = z.object({ code: z.string(), name: z.string() });
export type ComparatorArea = z.infer<typeof ComparatorAreaSchema>;

/** The partnership's comparator areas, and the areas earlier imports have seen (to offer in the picker). */
export const ComparatorAreasSchema = z.object({
  areaCodes: z.array(z.string()),
  areas: z.array(ComparatorAreaSchema),
  /** Areas the partnership's imports have named (other than its own, its region and England), by code. */
  seen: z.array(ComparatorAreaSchema),
});
export type ComparatorAreas = z.infer<typeof ComparatorAreasSchema>;

/** A comparison of the place with one comparator area: better/worse by polarity, higher/lower with no polarity. */
export const ComparatorAreaJudgementSchema = z.enum(['better', 'worse', 'higher', 'lower', 'similar', 'not-compared']);
export type ComparatorAreaJudgement = z.infer<typeof ComparatorAreaJudgementSchema>;

const ComparatorValueSchema = z.object({
  areaCode: z.string(),
  areaName: z.string(),
  value: z.number().nullable(),
  lowerCi: z.number().nullable(),
  upperCi: z.number().nullable(),
  suppressed: z.boolean(),
});

/** One comparator area in the latest period: its value and interval, and how the place compares with it. */
export const ComparatorComparisonSchema = ComparatorValueSchema.extend({
  /** The place's 95% confidence interval against the comparator area's own 95% interval. */
  method: z.literal('ci-95-overlap'),
  /** The method in words, for the page. */
  methodWords: z.string(),
  /** The significance level, as a percentage of confidence. */
  level: z.literal('95'),
  judgement: ComparatorAreaJudgementSchema,
  /** E.g. "significantly better than Sutton", "similar to Kingston upon Thames", "not compared (no interval)". */
  words: z.string(),
});
export type ComparatorComparison = z.infer<typeof ComparatorComparisonSchema>;

/** The place against its comparator areas, in the latest period where the place has a value. */
export const MetricComparatorsSchema = z.object({
  /** How many comparator areas the partnership has chosen (some may have no rows until the next import). */
  chosen: z.number().int(),
  period: z.string().nullable(),
  place: ComparatorValueSchema.nullable(),
  /** The place's rank among itself and the comparators with a value (1 = first); null when it has none to show. */
  rank: z.number().int().nullable(),
  ranked: z.number().int(),
  /** Which end is 1st: the highest (higher is better, or no judgement) or the lowest (lower is better). */
  firstIs: z.enum(['highest', 'lowest']),
  /** E.g. "3rd of 11 (1st = lowest, the best for this metric)". */
  rankWords: z.string(),
  /** The comparators' lowest and highest values in that period (the place not included). */
  range: z.object({ min: z.number(), minAreaName: z.string(), max: z.number(), maxAreaName: z.string() }).nullable(),
  areas: z.array(ComparatorComparisonSchema),
});
export type MetricComparators = z.infer<typeof MetricComparatorsSchema>;

/** A row where Fingertips' own "Compared to …" text and our computation disagree (reported, never refused). */
export const ImportDisagreementSchema = z.object({
  metricId: z.string(),
  areaCode: z.string(),
  areaName: z.string(),
  period: z.string(),
  /** The breakdown ("" for the whole population). */
  categoryType: z.string(),
  category: z.string(),
  comparator: z.enum(['england', 'region']),
  comparatorName: z.string(),
  /** What the export says, as written. */
  fingertipsSaid: z.string(),
  /** What we computed, in words. */
  weComputed: z.string(),
  /** Why they differ, when we can tell. */
  why: z.string().nullable(),
});
export type ImportDisagreement = z.infer<typeof ImportDisagreementSchema>;
