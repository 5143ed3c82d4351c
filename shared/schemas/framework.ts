import { generateKeyBetween } from 'fractional-indexing';
import { z } from 'zod';

/** The five domains of the Common Outcomes Framework, in display order. */
export const domainKeys = ['safe', 'healthy', 'happy', 'learning', 'engaged'] as const;
/** The four levels an outcome can be about, child first: the framework is child-centred. */
export const levelKeys = ['child', 'parent-adult', 'parent-carer', 'system'] as const;
/** The stages of a child's life an outcome can apply to; none means it applies at every age. */
export const ageStageKeys = ['pregnancy', '0-2', '3-4', '5-11', '12-16', '17-19', '20-25'] as const;
/** Whether an item is part of the common core shared by most places, or added for this place. */
export const scopeKeys = ['core', 'local'] as const;
/** Which direction of change in a metric counts as progress. */
export const polarityKeys = ['higher-is-better', 'lower-is-better', 'no-judgement'] as const;
/** The templates a new partnership can start from. */
export const frameworkTemplateIds = ['common-outcomes', 'blank'] as const;

export const DomainSchema = z.enum(domainKeys);
export type Domain = z.infer<typeof DomainSchema>;
export const LevelSchema = z.enum(levelKeys);
export type Level = z.infer<typeof LevelSchema>;
export const AgeStageSchema = z.enum(ageStageKeys);
export type AgeStage = z.infer<typeof AgeStageSchema>;
export const ScopeSchema = z.enum(scopeKeys);
export type Scope = z.infer<typeof ScopeSchema>;
export const PolaritySchema = z.enum(polarityKeys);
export type Polarity = z.infer<typeof PolaritySchema>;
export const FrameworkTemplateIdSchema = z.enum(frameworkTemplateIds);
export type FrameworkTemplateId = z.infer<typeof FrameworkTemplateIdSchema>;

/** Longest values accepted when writing; co-typed texts can grow past them concurrently, so reads do not cap them. */
export const frameworkLimits = {
  statement: 500,
  description: 10_000,
  name: 300,
  definition: 10_000,
  unit: 60,
  source: 300,
  frequency: 100,
  breakdown: 100,
  breakdowns: 30,
} as const;

/** Whether `key` is a well-formed fractional order key (the library throws on malformed ones). */
export function isOrderKey(key: unknown): key is string {
  if (typeof key !== 'string' || key.length === 0 || key.length > 200) return false;
  try {
    generateKeyBetween(key, null);
    return true;
  } catch {
    return false;
  }
}

/** Identifier of an outcome, indicator or metric: random for new items, preserved through import. */
export const EntityIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'An id is 1–100 letters, digits, dots, colons, dashes or underscores');
/** The id of the template item an entity came from (e.g. `cof.out.safe.child.1`), so places can be compared. */
export const TemplateItemIdSchema = EntityIdSchema;
/** A fractional order key; siblings sort by it, ties broken by id. */
export const OrderKeySchema = z.string().refine(isOrderKey, 'Not a valid order key');
/** A breakdown the data are available by, e.g. "Deprivation decile". Semicolons separate them in spreadsheets. */
export const BreakdownSchema = z
  .string()
  .trim()
  .min(1)
  .max(frameworkLimits.breakdown)
  .regex(/^[^;]*$/, 'A breakdown cannot contain a semicolon');
/** An OHID Fingertips indicator id: digits only. */
export const FingertipsIdSchema = z.string().regex(/^\d{1,10}$/, 'A Fingertips id is digits only');

// Soft delete: who deleted an item and when. Absent in the doc means "not deleted".
const deletion = {
  deletedAt: z.iso.datetime().nullable().default(null),
  deletedBy: z.string().max(200).nullable().default(null),
};

/** An outcome as read from the workspace doc. */
export const OutcomeSchema = z.object({
  id: EntityIdSchema,
  statement: z.string(),
  description: z.string(),
  domain: DomainSchema,
  level: LevelSchema,
  // Stored as a set; read back in life order so every replica shows the same list.
  ageStages: z.array(AgeStageSchema).transform((stages) => ageStageKeys.filter((stage) => stages.includes(stage))),
  scope: ScopeSchema,
  templateId: TemplateItemIdSchema.nullable().default(null),
  order: OrderKeySchema,
  ...deletion,
});
export type Outcome = z.infer<typeof OutcomeSchema>;

/** An indicator as read from the workspace doc; it may serve several outcomes. */
export const IndicatorSchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  definition: z.string(),
  outcomeIds: z.array(EntityIdSchema),
  scope: ScopeSchema,
  templateId: TemplateItemIdSchema.nullable().default(null),
  order: OrderKeySchema,
  ...deletion,
});
export type Indicator = z.infer<typeof IndicatorSchema>;

/** A metric as read from the workspace doc: a concrete measure of one indicator, with its data source. */
export const MetricSchema = z.object({
  id: EntityIdSchema,
  indicatorId: EntityIdSchema,
  name: z.string(),
  definition: z.string(),
  unit: z.string().max(frameworkLimits.unit),
  polarity: PolaritySchema,
  source: z.string().max(frameworkLimits.source),
  fingertipsId: FingertipsIdSchema.nullable().default(null),
  frequency: z.string().max(frameworkLimits.frequency),
  breakdowns: z.array(BreakdownSchema).max(frameworkLimits.breakdowns),
  scope: ScopeSchema,
  templateId: TemplateItemIdSchema.nullable().default(null),
  order: OrderKeySchema,
  ...deletion,
});
export type Metric = z.infer<typeof MetricSchema>;

// Co-typed texts are cut to their limit rather than refused, as an editor would stop at it.
const cappedText = (limit: number) => z.string().transform((text) => text.slice(0, limit));

// Editable fields without defaults, so a patch names only what it changes.
const outcomeFields = {
  statement: cappedText(frameworkLimits.statement),
  description: cappedText(frameworkLimits.description),
  ageStages: z.array(AgeStageSchema),
  scope: ScopeSchema,
};
const indicatorFields = {
  name: cappedText(frameworkLimits.name),
  definition: cappedText(frameworkLimits.definition),
  scope: ScopeSchema,
};
const metricFields = {
  name: cappedText(frameworkLimits.name),
  definition: cappedText(frameworkLimits.definition),
  unit: z.string().max(frameworkLimits.unit),
  polarity: PolaritySchema,
  source: z.string().max(frameworkLimits.source),
  fingertipsId: FingertipsIdSchema.nullable(),
  frequency: z.string().max(frameworkLimits.frequency),
  breakdowns: z.array(BreakdownSchema).max(frameworkLimits.breakdowns),
  scope: ScopeSchema,
};

/** What a person or a route gives to create an outcome; scope defaults to local (added for this place). */
export const OutcomeDraftSchema = z.object({
  domain: DomainSchema,
  level: LevelSchema,
  statement: outcomeFields.statement.default(''),
  description: outcomeFields.description.default(''),
  ageStages: outcomeFields.ageStages.default([]),
  scope: outcomeFields.scope.default('local'),
  templateId: TemplateItemIdSchema.nullable().default(null),
});
export type OutcomeDraft = z.input<typeof OutcomeDraftSchema>;

/** Fields of an outcome that can be edited in place (domain and level change by moving it). */
export const OutcomePatchSchema = z.object(outcomeFields).partial();
export type OutcomePatch = z.infer<typeof OutcomePatchSchema>;

/** What is given to create an indicator. */
export const IndicatorDraftSchema = z.object({
  name: indicatorFields.name.default(''),
  definition: indicatorFields.definition.default(''),
  outcomeIds: z.array(EntityIdSchema).default([]),
  scope: indicatorFields.scope.default('local'),
  templateId: TemplateItemIdSchema.nullable().default(null),
});
export type IndicatorDraft = z.input<typeof IndicatorDraftSchema>;

/** Fields of an indicator that can be edited in place (links change by linking and unlinking). */
export const IndicatorPatchSchema = z.object(indicatorFields).partial();
export type IndicatorPatch = z.infer<typeof IndicatorPatchSchema>;

/** What is given to create a metric under an indicator. */
export const MetricDraftSchema = z.object({
  indicatorId: EntityIdSchema,
  name: metricFields.name.default(''),
  definition: metricFields.definition.default(''),
  unit: metricFields.unit.default(''),
  polarity: metricFields.polarity.default('no-judgement'),
  source: metricFields.source.default(''),
  fingertipsId: metricFields.fingertipsId.default(null),
  frequency: metricFields.frequency.default(''),
  breakdowns: metricFields.breakdowns.default([]),
  scope: metricFields.scope.default('local'),
  templateId: TemplateItemIdSchema.nullable().default(null),
});
export type MetricDraft = z.input<typeof MetricDraftSchema>;

/** Fields of a metric that can be edited in place (its indicator changes by moving it). */
export const MetricPatchSchema = z.object(metricFields).partial();
export type MetricPatch = z.infer<typeof MetricPatchSchema>;

// One spreadsheet cell: always text; a missing column reads as empty.
const cell = z.string().default('');

/**
 * One row of the framework spreadsheet (CSV or XLSX), keyed by its human column name. A row is one metric with its
 * indicator, outcome, domain and level; an indicator serving several outcomes is repeated under each of them.
 */
export const FrameworkRowSchema = z.object({
  Domain: cell,
  Level: cell,
  'Outcome id': cell,
  Outcome: cell,
  'Outcome description': cell,
  'Age stages': cell,
  'Outcome scope': cell,
  'Outcome template id': cell,
  'Indicator id': cell,
  Indicator: cell,
  'Indicator definition': cell,
  'Indicator scope': cell,
  'Indicator template id': cell,
  'Metric id': cell,
  Metric: cell,
  'Metric definition': cell,
  Unit: cell,
  Polarity: cell,
  Source: cell,
  'Fingertips id': cell,
  Frequency: cell,
  Breakdowns: cell,
  'Metric scope': cell,
  'Metric template id': cell,
});
export type FrameworkRow = z.infer<typeof FrameworkRowSchema>;
/** A column of the framework spreadsheet, by its header. */
export type FrameworkColumn = keyof FrameworkRow;
/** The framework spreadsheet's columns, in the order exports write them. */
export const frameworkColumns: readonly FrameworkColumn[] = FrameworkRowSchema.keyof().options;

/**
 * One problem found while importing a framework spreadsheet. `row` counts as the spreadsheet does (the header is
 * row 1, the first data row is row 2); null for problems with the whole file. `column` is a header, or null.
 */
export const FrameworkImportErrorSchema = z.object({
  row: z.number().int().min(1).nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type FrameworkImportError = z.infer<typeof FrameworkImportErrorSchema>;
