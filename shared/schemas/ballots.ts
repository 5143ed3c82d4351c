import { z } from 'zod';
import { RoundResultsSchema } from './roundResults.ts';
import {
  CandidateIdSchema,
  CandidateSchema,
  CriterionIdSchema,
  EligibilitySchema,
  MethodSettingsSchema,
  TurnoutSchema,
  scaleMax,
  scaleMin,
} from './rounds.ts';

const maxCandidates = 60;
const scale = z.int().min(scaleMin).max(scaleMax);
const fewEnough = (value: object) => Object.keys(value).length <= maxCandidates;

// Strict objects throughout: a ballot names no voter (the server knows who is calling), and anything extra is refused.

/**
 * Delphi follow-up rounds: an optional one-line reason per candidate where the voter's mark is far from last round's
 * group, shown to the group without names when the round closes. Trimmed; the length rule (with a message naming
 * the candidate) is in ballotRules, which also refuses candidates not on the ballot.
 */
export const BallotReasonsSchema = z.record(CandidateIdSchema, z.string().trim()).refine(fewEnough).optional();

/** Dots per candidate; candidates left out get none. */
export const DotsBallotSchema = z.strictObject({
  method: z.literal('dots'),
  dots: z.record(CandidateIdSchema, z.int().min(0).max(50)).refine(fewEnough),
  reasons: BallotReasonsSchema,
});

/** A 1–5 score per criterion for every candidate. */
export const ScoresBallotSchema = z.strictObject({
  method: z.literal('scores'),
  scores: z.record(CandidateIdSchema, z.record(CriterionIdSchema, scale)).refine(fewEnough),
  reasons: BallotReasonsSchema,
});

/** Every candidate in order, most important first. */
export const RankingBallotSchema = z.strictObject({
  method: z.literal('ranking'),
  order: z.array(CandidateIdSchema).min(1).max(maxCandidates),
  reasons: BallotReasonsSchema,
});

/** Where each candidate sits on need (how big the problem is) and ability to influence it locally, 1–5 each. */
export const MatrixBallotSchema = z.strictObject({
  method: z.literal('matrix'),
  placements: z.record(CandidateIdSchema, z.strictObject({ need: scale, influence: scale })).refine(fewEnough),
  reasons: BallotReasonsSchema,
});

/** `PUT /api/rounds/:roundId/ballot`: one ballot in the round's method. */
export const BallotSchema = z.discriminatedUnion('method', [
  DotsBallotSchema,
  ScoresBallotSchema,
  RankingBallotSchema,
  MatrixBallotSchema,
]);
export type Ballot = z.infer<typeof BallotSchema>;
export type DotsBallot = z.infer<typeof DotsBallotSchema>;
export type ScoresBallot = z.infer<typeof ScoresBallotSchema>;
export type RankingBallot = z.infer<typeof RankingBallotSchema>;
export type MatrixBallot = z.infer<typeof MatrixBallotSchema>;

/** `GET /api/rounds/:roundId/ballot`: my ballot (or my organisation's) as stored. */
export const MyBallotSchema = z.object({
  hasVoted: z.boolean(),
  /** Null when I have not voted, or when an anonymous round has closed and ballots can no longer be linked to anyone. */
  ballot: BallotSchema.nullable(),
  /** An anonymous round has closed: my ballot is counted but nobody (not even I) can retrieve it. */
  sealed: z.boolean(),
});
export type MyBallot = z.infer<typeof MyBallotSchema>;

/** The answer to casting a ballot: what is stored, the new turnout, and the receipt for this version of it. */
export const CastBallotResponseSchema = MyBallotSchema.extend({
  turnout: z.object({ voted: z.int(), eligible: z.int() }),
  version: z.int(),
  /**
   * The receipt code for the ballot as just stored (see shared/model/prioritisation/receipts.ts). Shown once: the
   * server keeps only its hash. Replacing the ballot gives a new receipt; the old one then matches nothing counted.
   */
  receipt: z.string(),
});
export type CastBallotResponse = z.infer<typeof CastBallotResponseSchema>;

/** One counted ballot as a closed round publishes it: its receipt's hash and what it says (never who cast it). */
export const PublishedBallotSchema = z.object({
  /** SHA-256 (hex) of the receipt code; null for a ballot cast before receipts existed. */
  receiptHash: z.string().nullable(),
  ballot: BallotSchema,
  /** The organisation a named round's ballot counted for (the results break down by it); null when anonymous. */
  organisation: z.string().nullable(),
});
export type PublishedBallot = z.infer<typeof PublishedBallotSchema>;

/**
 * `GET /api/rounds/:roundId/published-ballots`: after close, every counted ballot beside its receipt hash, in hash
 * order, with everything a recount needs (the same pure count, `tallyRound`, run on this list gives `results`).
 */
export const PublishedBallotsSchema = z.object({
  roundId: z.string(),
  title: z.string(),
  anonymous: z.boolean(),
  eligibility: EligibilitySchema,
  settings: MethodSettingsSchema,
  candidates: z.array(CandidateSchema),
  turnout: TurnoutSchema,
  quorum: z.number(),
  ballots: z.array(PublishedBallotSchema),
  /** The round's results as published: what a recount of `ballots` must reproduce. */
  results: RoundResultsSchema,
  /** SHA-256 (hex) of the ballots list as JSON, so people can check they were all shown the same list. */
  digest: z.string(),
});
export type PublishedBallots = z.infer<typeof PublishedBallotsSchema>;
