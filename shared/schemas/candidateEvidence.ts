import { z } from 'zod';
import { EvidenceFactSchema } from './cycles.ts';
import { DataStatusSchema } from './dataMapping.ts';
import { EntityIdSchema } from './framework.ts';
import { CandidateIdSchema } from './rounds.ts';

/** One metric behind a candidate: its data availability and, when it has data, its latest judged observation. */
export const CandidateMetricSchema = z.object({
  metricId: EntityIdSchema,
  name: z.string(),
  unit: z.string(),
  /** The indicator it measures (an outcome candidate has several). */
  indicatorName: z.string(),
  /** From the data mapping; null when nobody has mapped it yet. */
  availability: DataStatusSchema.nullable(),
  /** The latest whole-population observation with its comparisons and trend; null without data. */
  latest: EvidenceFactSchema.nullable(),
});
export type CandidateMetric = z.infer<typeof CandidateMetricSchema>;

/** What a voter needs to know about one candidate, without leaving the ballot. */
export const CandidateEvidenceSchema = z.object({
  candidateId: CandidateIdSchema,
  /** One sentence for the collapsed view, e.g. "2 of 3 metrics worse than England; 1 getting worse". */
  headline: z.string(),
  metrics: z.array(CandidateMetricSchema),
  /** How many of its metrics are at each availability (and how many are not mapped). */
  availability: z.object({
    available: z.int(),
    partial: z.int(),
    notAccessible: z.int(),
    missing: z.int(),
    notMapped: z.int(),
  }),
  /** Live concerns linked to it (directly, or through one of its metrics). */
  concerns: z.array(z.object({ id: EntityIdSchema, name: z.string(), kind: z.string() })),
  /** Offer actions in the theory of change aimed at it (directly or through one of its indicators). */
  actions: z.int(),
  /** False when the candidate's outcome, indicator or concern is no longer in the framework. */
  found: z.boolean(),
});
export type CandidateEvidence = z.infer<typeof CandidateEvidenceSchema>;

/** `GET /api/rounds/:roundId/evidence`: the evidence beside each candidate of the round, in the round's order. */
export const RoundEvidenceSchema = z.object({
  roundId: z.string(),
  candidates: z.array(CandidateEvidenceSchema),
  smallCountThreshold: z.int(),
});
export type RoundEvidence = z.infer<typeof RoundEvidenceSchema>;
