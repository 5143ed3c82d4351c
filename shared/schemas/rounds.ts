import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/** How people vote in a round. */
export const RoundMethodSchema = z.enum(['dots', 'scores', 'ranking', 'matrix']);
export type RoundMethod = z.infer<typeof RoundMethodSchema>;

/** When results may be seen: as votes come in, once you have voted, or only when the round closes. */
export const ResultsVisibilitySchema = z.enum(['live', 'after-vote', 'after-close']);
export type ResultsVisibility = z.infer<typeof ResultsVisibilitySchema>;

/** Who casts ballots: every voting member, or one ballot per organisation (agency). */
export const EligibilitySchema = z.enum(['voting-members', 'one-per-organisation']);
export type Eligibility = z.infer<typeof EligibilitySchema>;

/** A round's life: prepared, taking votes, finished. */
export const RoundStateSchema = z.enum(['draft', 'open', 'closed']);
export type RoundState = z.infer<typeof RoundStateSchema>;

/** What a candidate refers to in the workspace: an outcome, an indicator, or a concern (cohort or locality). */
export const CandidateKindSchema = z.enum(['outcome', 'indicator', 'concern']);
export type CandidateKind = z.infer<typeof CandidateKindSchema>;

/** A candidate's id within its round (kept by follow-up rounds, so round 1's figures line up). */
export const CandidateIdSchema = z.string().regex(/^[a-z0-9]{1,32}$/, 'Not a candidate of this round');

/** A scoring criterion's id, e.g. `severity`. */
export const CriterionIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'A criterion id is lower-case letters, digits and dashes');

/** One weighted criterion of a scores round. */
export const CriterionSchema = z.object({
  id: CriterionIdSchema,
  label: z.string().trim().min(1, { error: 'Name the criterion' }).max(120),
  weight: z.number().min(0).max(10),
});
export type Criterion = z.infer<typeof CriterionSchema>;

/** The lowest and highest score or position on a 1–5 scale (scores, need, influence). */
export const scaleMin = 1;
export const scaleMax = 5;

/**
 * The order a voter sees the candidates in: shuffled for each voter (so position does not bias the count), or the
 * order the facilitator listed them in (the framework's). Stored in the round's settings JSON; a round stored without
 * it uses its method's default (`candidateOrderOf`).
 */
export const CandidateOrderSchema = z.enum(['shuffled', 'framework']);
export type CandidateOrder = z.infer<typeof CandidateOrderSchema>;

const orderSetting = { candidateOrder: CandidateOrderSchema.optional() };

/** The method with its own settings. */
export const MethodSettingsSchema = z.discriminatedUnion('method', [
  z.object({
    ...orderSetting,
    method: z.literal('dots'),
    dotsPerVoter: z.int().min(1, { error: 'Give each voter at least 1 dot' }).max(50),
    /** Most dots one voter may put on one candidate; null: no limit beyond their dots. */
    maxPerCandidate: z.int().min(1).max(50).nullable(),
  }),
  z.object({
    ...orderSetting,
    method: z.literal('scores'),
    criteria: z
      .array(CriterionSchema)
      .min(1, { error: 'Add at least one criterion' })
      .max(12)
      .refine((criteria) => new Set(criteria.map((c) => c.id)).size === criteria.length, {
        error: 'Each criterion must have a different id',
      })
      .refine((criteria) => criteria.some((c) => c.weight > 0), { error: 'At least one criterion needs a weight' }),
  }),
  z.object({ ...orderSetting, method: z.literal('ranking') }),
  z.object({ ...orderSetting, method: z.literal('matrix') }),
]);
export type MethodSettings = z.infer<typeof MethodSettingsSchema>;

/** A candidate as the facilitator proposes it; its label is kept so the round never depends on the workspace. */
export const CandidateInputSchema = z.object({
  kind: CandidateKindSchema,
  refId: z.string().trim().min(1).max(100),
  label: z.string().trim().min(1, { error: 'Each candidate needs a label' }).max(500),
});
export type CandidateInput = z.infer<typeof CandidateInputSchema>;

/** A candidate of a round. */
export const CandidateSchema = CandidateInputSchema.extend({ id: CandidateIdSchema });
export type Candidate = z.infer<typeof CandidateSchema>;

const candidatesSchema = z
  .array(CandidateInputSchema)
  .min(2, { error: 'Choose at least 2 candidates' })
  .max(60, { error: 'Choose at most 60 candidates' })
  .refine((list) => new Set(list.map((c) => `${c.kind}:${c.refId}`)).size === list.length, {
    error: 'Each candidate can be chosen once',
  });

// Without defaults, so that an edit names only what it changes (zod applies defaults inside optional fields).
const roundFields = {
  title: z.string().trim().min(1, { error: 'Enter a title' }).max(200),
  question: z.string().trim().max(2000),
  candidates: candidatesSchema,
  settings: MethodSettingsSchema,
  visibility: ResultsVisibilitySchema,
  anonymous: z.boolean(),
  eligibility: EligibilitySchema,
  /** Share of eligible voters (0–1) who must vote for the result to count as quorate; 0: no quorum. */
  quorum: z.number().min(0).max(1),
  /** When the server closes the round by itself; null: only when a facilitator closes it. */
  closesAt: z.iso.datetime({ offset: true }).nullable(),
};

/**
 * Why an anonymous round shows results only once it closes: the server records who voted (to verify turnout), so a
 * tally that moves while voting is open could be matched, change by change, to the person who just voted.
 */
export const anonymousVisibilityMessage =
  'An anonymous round shows its results when it closes: live figures could be matched to the person who just voted';

/** Whether a round's anonymity and results visibility go together (see `anonymousVisibilityMessage`). */
export function anonymityAllowsVisibility(round: { anonymous: boolean; visibility: ResultsVisibility }): boolean {
  return !round.anonymous || round.visibility === 'after-close';
}

/** `POST /api/partnerships/:id/rounds` (facilitators): a new draft round. */
export const CreateRoundRequestSchema = z
  .object({
    ...roundFields,
    question: roundFields.question.default(''),
    visibility: roundFields.visibility.default('after-close'),
    anonymous: roundFields.anonymous.default(false),
    eligibility: roundFields.eligibility.default('voting-members'),
    quorum: roundFields.quorum.default(0.5),
    closesAt: roundFields.closesAt.default(null),
  })
  .refine(anonymityAllowsVisibility, { path: ['visibility'], error: anonymousVisibilityMessage });
export type CreateRoundRequest = z.input<typeof CreateRoundRequestSchema>;

/** `PATCH /api/rounds/:roundId` (facilitators, drafts only). Candidates, when given, replace the list. */
export const UpdateRoundRequestSchema = z
  .object(roundFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, { error: 'Nothing to change' });
export type UpdateRoundRequest = z.infer<typeof UpdateRoundRequestSchema>;

/** `POST /api/rounds/:roundId/reopen`: optionally a new closing time. */
export const ReopenRoundRequestSchema = z.object({ closesAt: roundFields.closesAt.default(null) });
export type ReopenRoundRequest = z.input<typeof ReopenRoundRequestSchema>;

/** "12 of 18 voted": ballots (or organisations) counted against those eligible. */
export const TurnoutSchema = z.object({ voted: z.int().min(0), eligible: z.int().min(0) });
export type Turnout = z.infer<typeof TurnoutSchema>;

/** What the caller may do in a round. */
export const RoundAccessSchema = z.object({
  /** A voting member (for one-per-organisation: of an organisation) who may cast while the round is open. */
  isEligible: z.boolean(),
  /** I (or my organisation) have a ballot in this round. */
  hasVoted: z.boolean(),
  /** Results are visible to me now. */
  canSeeResults: z.boolean(),
  /** I may edit, open, close and decide (facilitators, administrators). */
  canRun: z.boolean(),
});
export type RoundAccess = z.infer<typeof RoundAccessSchema>;

/** A round as the API shows it. Never carries results: those come from `/results` when visible. */
export const RoundSchema = z.object({
  id: IdSchema,
  partnershipId: IdSchema,
  title: z.string(),
  question: z.string(),
  candidates: z.array(CandidateSchema),
  settings: MethodSettingsSchema,
  visibility: ResultsVisibilitySchema,
  anonymous: z.boolean(),
  eligibility: EligibilitySchema,
  quorum: z.number(),
  closesAt: TimestampSchema.nullable(),
  state: RoundStateSchema,
  createdAt: TimestampSchema,
  openedAt: TimestampSchema.nullable(),
  closedAt: TimestampSchema.nullable(),
  /** The round this one follows up (Delphi): its distribution is shown beside each candidate. */
  followUpOf: IdSchema.nullable(),
  turnout: TurnoutSchema,
  /** Bumped on every accepted ballot: clients refetch results they may see when it moves. */
  version: z.int().min(0),
  hasDecision: z.boolean(),
  me: RoundAccessSchema,
});
export type Round = z.infer<typeof RoundSchema>;

/** Who has voted, for facilitators verifying turnout. In anonymous rounds: names only, alphabetical, no times. */
export const RoundVotersSchema = z.object({
  anonymous: z.boolean(),
  eligibility: EligibilitySchema,
  voted: z.array(z.object({ name: z.string(), organisation: z.string(), votedAt: TimestampSchema.nullable() })),
  notVoted: z.array(z.object({ name: z.string(), organisation: z.string() })),
});
export type RoundVoters = z.infer<typeof RoundVotersSchema>;
