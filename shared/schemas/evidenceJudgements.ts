import { z } from 'zod';
import { ComparisonMethodSchema } from './evidenceMethods.ts';

/** The significance level a confidence-interval comparison was made at. */
export const SignificanceLevelSchema = z.enum(['95', '99.8']);

/** How the area compares statistically, and what that means for the metric's polarity. */
export const ComparisonDirectionSchema = z.enum(['higher', 'lower', 'similar', 'not-compared']);
export const ComparisonJudgementSchema = z.enum(['better', 'worse', 'similar', 'no-judgement', 'not-compared']);

/**
 * One comparator's judgement in a metric's evidence answer: which comparator, the method and significance level used
 * (for two tiers, the level the judgement rests on, with both tiers listed), and the judgement in keys and words.
 */
export const ComparatorJudgementSchema = z.object({
  comparatorCode: z.string(),
  comparatorName: z.string(),
  role: z.enum(['england', 'region']),
  /** The period judged: the latest the area has a value for. */
  period: z.string(),
  method: ComparisonMethodSchema,
  level: SignificanceLevelSchema.nullable(),
  tiers: z.array(
    z.object({
      level: SignificanceLevelSchema,
      direction: ComparisonDirectionSchema,
      judgement: ComparisonJudgementSchema,
    }),
  ),
  /** The area's quintile among all areas of its type in England, when compared by quintiles. */
  quintile: z.number().int().min(1).max(5).nullable(),
  direction: ComparisonDirectionSchema,
  judgement: ComparisonJudgementSchema,
  /** E.g. "worse than England (99.8% interval)", "highest quintile of areas in England". */
  words: z.string(),
});
export type ComparatorJudgement = z.infer<typeof ComparatorJudgementSchema>;
