import { z } from 'zod';
import { IdSchema } from './common.ts';
import {
  CandidateIdSchema,
  CandidateKindSchema,
  RoundMethodSchema,
  RoundStateSchema,
  TurnoutSchema,
} from './rounds.ts';

/** How many ballots gave a candidate a value in one band ("2 dots": 4 people). */
export const DistributionBucketSchema = z.object({ label: z.string(), count: z.int().min(0) });
export type DistributionBucket = z.infer<typeof DistributionBucketSchema>;

/** A mean with its standard deviation, for one axis of the matrix or one criterion. */
export const MeanSpreadSchema = z.object({ mean: z.number(), spread: z.number() });
export type MeanSpread = z.infer<typeof MeanSpreadSchema>;

/** One organisation's view of a candidate (named rounds only). */
export const OrganisationResultSchema = z.object({
  organisation: z.string(),
  aggregate: z.number(),
  ballots: z.int().min(0),
});
export type OrganisationResult = z.infer<typeof OrganisationResultSchema>;

/** One candidate's result. */
export const CandidateResultSchema = z.object({
  candidateId: CandidateIdSchema,
  kind: CandidateKindSchema,
  refId: z.string(),
  label: z.string(),
  /** 1 is top; candidates with equal aggregates share a rank. */
  rank: z.int().min(1),
  /** The method's figure that orders candidates (total dots, mean weighted score, Borda points, need × influence). */
  aggregate: z.number(),
  /** The per-ballot mean of the same figure. */
  mean: z.number(),
  /** Standard deviation across ballots: high means people disagree, which is where discussion should go. */
  spread: z.number(),
  distribution: z.array(DistributionBucketSchema),
  /** Scores: mean per criterion. */
  criteria: z.array(MeanSpreadSchema.extend({ criterionId: z.string(), label: z.string() })).optional(),
  /** Matrix: where the candidate sits on each axis. */
  need: MeanSpreadSchema.optional(),
  influence: MeanSpreadSchema.optional(),
  /** Empty for anonymous rounds: an organisation with one voter would identify them. */
  byOrganisation: z.array(OrganisationResultSchema),
  /**
   * Follow-up rounds, once closed: the one-line reasons voters gave for marks far from the round before's group,
   * alphabetically and without names (shown beside the candidate in the next round).
   */
  reasons: z.array(z.string()).optional(),
});
export type CandidateResult = z.infer<typeof CandidateResultSchema>;

/**
 * How one voter voted: in a named round, for those who run it. With one ballot per organisation it is the
 * organisation's ballot and `name` is the member who last cast it. Never present for anonymous rounds.
 */
export const PersonBallotSchema = z.object({
  name: z.string(),
  organisation: z.string(),
  /** One per candidate, in the round's order. */
  marks: z.array(
    z.object({
      candidateId: CandidateIdSchema,
      /** Dots placed, the weighted score (1–5), the place in the ranking (1 is first), or need × influence. */
      value: z.number(),
      /** Scores: each criterion's score. */
      criteria: z.record(z.string(), z.number()).optional(),
      /** Matrix: the two ratings. */
      need: z.number().optional(),
      influence: z.number().optional(),
    }),
  ),
});
export type PersonBallot = z.infer<typeof PersonBallotSchema>;

/** Quorum: the share required, how many voters that means, and whether turnout reached it. */
export const QuorumSchema = z.object({ required: z.number(), needed: z.int().min(0), met: z.boolean() });
export type Quorum = z.infer<typeof QuorumSchema>;

/** `GET /api/rounds/:roundId/results`: ranked candidates with the method's aggregate and spread. */
export const RoundResultsSchema = z.object({
  roundId: IdSchema,
  method: RoundMethodSchema,
  state: RoundStateSchema,
  /** The words for the aggregate and spread columns, e.g. "Total dots". */
  aggregateLabel: z.string(),
  ballots: z.int().min(0),
  turnout: TurnoutSchema,
  quorum: QuorumSchema,
  candidates: z.array(CandidateResultSchema),
  /** Who voted how, by name: named rounds only, and only for facilitators (never in the projection or the CSV). */
  byPerson: z.array(PersonBallotSchema).optional(),
});
export type RoundResults = z.infer<typeof RoundResultsSchema>;
