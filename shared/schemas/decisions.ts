import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';
import { CandidateIdSchema, CandidateSchema } from './rounds.ts';

/** `PUT /api/rounds/:roundId/decision` (facilitators, closed rounds): the priorities the board agreed. */
export const RecordDecisionRequestSchema = z.object({
  priorityCandidateIds: z
    .array(CandidateIdSchema)
    .min(1, { error: 'Choose at least one agreed priority' })
    .max(60)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'Each priority can be chosen once' }),
  statement: z.string().trim().min(1, { error: 'Write the outcome statement' }).max(5000),
  reviewDate: z.iso.date({ error: 'Enter a review date, for example 31 March 2027' }),
});
export type RecordDecisionRequest = z.infer<typeof RecordDecisionRequestSchema>;

/** A recorded decision: the agreed priorities, what the board said and when it will look again. */
export const DecisionSchema = z.object({
  id: IdSchema,
  roundId: IdSchema,
  roundTitle: z.string(),
  priorities: z.array(CandidateSchema),
  statement: z.string(),
  reviewDate: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: TimestampSchema,
});
export type Decision = z.infer<typeof DecisionSchema>;
