import { z } from 'zod';
import { AgeStageSchema, EntityIdSchema, OrderKeySchema, ageStageKeys } from './framework.ts';

/** How an action reaches families: delivered by the hub itself, bought from a provider, or a way into targeted help. */
export const deliveryTypeKeys = ['direct', 'commissioned', 'gateway'] as const;
/** Where an action is in its life. */
export const actionStatusKeys = ['planned', 'live', 'ending'] as const;
/** The three Results-Based Accountability performance measure questions, in the order RBA asks them. */
export const measureKindKeys = ['how-much', 'how-well', 'better-off'] as const;
/** How strong the evidence is that an action moves an outcome, strongest first. */
export const evidenceStrengthKeys = ['strong', 'promising', 'local-evaluation', 'practice-wisdom', 'untested'] as const;
/** When the change is expected to show. */
export const timeframeKeys = ['short', 'medium', 'long'] as const;
/** What a link points at in the framework. */
export const linkTargetKindKeys = ['outcome', 'indicator'] as const;

export const DeliveryTypeSchema = z.enum(deliveryTypeKeys);
export type DeliveryType = z.infer<typeof DeliveryTypeSchema>;
export const ActionStatusSchema = z.enum(actionStatusKeys);
export type ActionStatus = z.infer<typeof ActionStatusSchema>;
export const MeasureKindSchema = z.enum(measureKindKeys);
export type MeasureKind = z.infer<typeof MeasureKindSchema>;
export const EvidenceStrengthSchema = z.enum(evidenceStrengthKeys);
export type EvidenceStrength = z.infer<typeof EvidenceStrengthSchema>;
export const TimeframeSchema = z.enum(timeframeKeys);
export type Timeframe = z.infer<typeof TimeframeSchema>;
export const LinkTargetKindSchema = z.enum(linkTargetKindKeys);
export type LinkTargetKind = z.infer<typeof LinkTargetKindSchema>;

/** Longest values accepted when writing; co-typed texts can grow past them concurrently, so reads do not cap them. */
export const theoryOfChangeLimits = {
  name: 300,
  provider: 200,
  locality: 100,
  localities: 50,
  measure: 500,
  mechanism: 5_000,
  assumption: 500,
  owner: 200,
  // A budget above £10bn is a typing mistake, not a family hubs service.
  budget: 10_000_000_000,
} as const;

/** A calendar date, e.g. a contract's end: `YYYY-MM-DD`, and a real day. */
export const CalendarDateSchema = z.iso.date();

/** An optional budget in pounds: not negative, whole pence at most. */
export const BudgetSchema = z
  .number()
  .finite()
  .min(0, { error: 'A budget cannot be negative' })
  .max(theoryOfChangeLimits.budget, { error: 'Enter a budget under £10 billion' })
  .transform((pounds) => Math.round(pounds * 100) / 100);

/** A hub or locality an action serves, e.g. "North hub". */
export const LocalitySchema = z.string().trim().min(1).max(theoryOfChangeLimits.locality);

// Soft delete: who deleted an item and when. Absent in the doc means "not deleted".
const deletion = {
  deletedAt: z.iso.datetime().nullable().default(null),
  deletedBy: z.string().max(200).nullable().default(null),
};

/** One RBA performance measure of an action, e.g. "Number of families seen" under "How much did we do?". */
export const PerformanceMeasureSchema = z.object({
  id: EntityIdSchema,
  kind: MeasureKindSchema,
  text: z.string(),
  order: OrderKeySchema,
});
export type PerformanceMeasure = z.infer<typeof PerformanceMeasureSchema>;

/** A service or action of the family hubs offer, as read from the workspace doc. */
export const OfferActionSchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  provider: z.string(),
  deliveryType: DeliveryTypeSchema,
  // Stored as sets and read back sorted, so every replica shows the same list.
  localities: z.array(LocalitySchema),
  ageStages: z.array(AgeStageSchema).transform((stages) => ageStageKeys.filter((stage) => stages.includes(stage))),
  status: ActionStatusSchema,
  budget: BudgetSchema.nullable().default(null),
  contractEnd: CalendarDateSchema.nullable().default(null),
  measures: z.array(PerformanceMeasureSchema),
  order: OrderKeySchema,
  ...deletion,
});
export type OfferAction = z.infer<typeof OfferActionSchema>;

/** An assumption a link rests on: a checkable item with an owner who will test it. */
export const AssumptionSchema = z.object({
  id: EntityIdSchema,
  text: z.string(),
  owner: z.string(),
  checked: z.boolean(),
  order: OrderKeySchema,
});
export type Assumption = z.infer<typeof AssumptionSchema>;

/** A link from an action to the outcome or indicator it is meant to move, as read from the workspace doc. */
export const TheoryOfChangeLinkSchema = z.object({
  id: EntityIdSchema,
  actionId: EntityIdSchema,
  targetKind: LinkTargetKindSchema,
  targetId: EntityIdSchema,
  mechanism: z.string(),
  evidence: EvidenceStrengthSchema,
  timeframe: TimeframeSchema,
  assumptions: z.array(AssumptionSchema),
  createdAt: z.iso.datetime(),
  ...deletion,
});
export type TheoryOfChangeLink = z.infer<typeof TheoryOfChangeLinkSchema>;

// Co-typed texts are cut to their limit rather than refused, as an editor would stop at it.
const cappedText = (limit: number) => z.string().transform((text) => text.slice(0, limit));

const actionFields = {
  name: cappedText(theoryOfChangeLimits.name),
  provider: cappedText(theoryOfChangeLimits.provider),
  deliveryType: DeliveryTypeSchema,
  localities: z.array(LocalitySchema).max(theoryOfChangeLimits.localities),
  ageStages: z.array(AgeStageSchema),
  status: ActionStatusSchema,
  budget: BudgetSchema.nullable(),
  contractEnd: CalendarDateSchema.nullable(),
};

/** What a person gives to add an action to the offer. */
export const OfferActionDraftSchema = z.object({
  name: actionFields.name,
  provider: actionFields.provider.default(''),
  deliveryType: actionFields.deliveryType.default('direct'),
  localities: actionFields.localities.default([]),
  ageStages: actionFields.ageStages.default([]),
  status: actionFields.status.default('planned'),
  budget: actionFields.budget.default(null),
  contractEnd: actionFields.contractEnd.default(null),
});
export type OfferActionDraft = z.input<typeof OfferActionDraftSchema>;

/** Fields of an action that can be changed in place; only those named change. */
export const OfferActionPatchSchema = z.object(actionFields).partial();
export type OfferActionPatch = z.input<typeof OfferActionPatchSchema>;

/** What a link points at. */
export const LinkTargetSchema = z.object({ kind: LinkTargetKindSchema, id: EntityIdSchema });
export type LinkTarget = z.infer<typeof LinkTargetSchema>;

const linkFields = {
  mechanism: cappedText(theoryOfChangeLimits.mechanism),
  evidence: EvidenceStrengthSchema,
  timeframe: TimeframeSchema,
};

/** What a person gives to link an action to an outcome or indicator. */
export const TheoryOfChangeLinkDraftSchema = z.object({
  actionId: EntityIdSchema,
  target: LinkTargetSchema,
  mechanism: linkFields.mechanism.default(''),
  evidence: linkFields.evidence.default('untested'),
  timeframe: linkFields.timeframe.default('medium'),
});
export type TheoryOfChangeLinkDraft = z.input<typeof TheoryOfChangeLinkDraftSchema>;

/** Fields of a link that can be changed in place (its target changes by re-pointing it). */
export const TheoryOfChangeLinkPatchSchema = z.object(linkFields).partial();
export type TheoryOfChangeLinkPatch = z.input<typeof TheoryOfChangeLinkPatchSchema>;

/** What is given to add an assumption to a link. */
export const AssumptionDraftSchema = z.object({
  text: cappedText(theoryOfChangeLimits.assumption),
  owner: cappedText(theoryOfChangeLimits.owner).default(''),
  checked: z.boolean().default(false),
});
export type AssumptionDraft = z.input<typeof AssumptionDraftSchema>;
