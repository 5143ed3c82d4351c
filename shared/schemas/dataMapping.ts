import { z } from 'zod';
import { EntityIdSchema } from './framework.ts';

/**
 * Whether the data for a metric exist and can be used: `available` — held and used; `not-accessible` — exists but
 * held by a partner or needs a data-sharing agreement; `partial` — wrong granularity, frequency or age band;
 * `missing` — not collected anywhere.
 */
export const dataStatusKeys = ['available', 'not-accessible', 'partial', 'missing'] as const;
export const DataStatusSchema = z.enum(dataStatusKeys);
export type DataStatus = z.infer<typeof DataStatusSchema>;

/** Longest values accepted when writing a metric's data mapping. */
export const dataMappingLimits = {
  reason: 2_000,
  owner: 200,
  nextStep: 1_000,
  reviewedBy: 200,
} as const;

/** A calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.iso.date();

/** One metric's data mapping as read from the workspace doc; `status` null means nobody has mapped it yet. */
export const MetricDataMappingSchema = z.object({
  metricId: EntityIdSchema,
  status: DataStatusSchema.nullable().default(null),
  reason: z.string().default(''),
  owner: z.string().max(dataMappingLimits.owner).default(''),
  nextStep: z.string().default(''),
  reviewedAt: IsoDateSchema.nullable().default(null),
  reviewedBy: z.string().max(dataMappingLimits.reviewedBy).nullable().default(null),
});
export type MetricDataMapping = z.infer<typeof MetricDataMappingSchema>;

/** Fields of a metric's data mapping a person changes; each named field is set, others are left alone. */
export const DataMappingPatchSchema = z
  .object({
    status: DataStatusSchema.nullable(),
    reason: z.string().transform((text) => text.slice(0, dataMappingLimits.reason)),
    owner: z
      .string()
      .trim()
      .transform((text) => text.slice(0, dataMappingLimits.owner)),
    nextStep: z.string().transform((text) => text.slice(0, dataMappingLimits.nextStep)),
  })
  .partial();
export type DataMappingPatch = z.input<typeof DataMappingPatchSchema>;

/** Who reviewed a mapping and when: stamped on every change so the grid shows how fresh each row is. */
export const ReviewStampSchema = z.object({
  by: z.string().trim().min(1).max(dataMappingLimits.reviewedBy),
  on: IsoDateSchema,
});
export type ReviewStamp = z.infer<typeof ReviewStampSchema>;

// One spreadsheet cell: always text; a missing column reads as empty.
const cell = z.string().default('');

/** One row of the data mapping spreadsheet, keyed by its human column name; one row per metric. */
export const DataMappingRowSchema = z.object({
  'Metric id': cell,
  Domain: cell,
  Level: cell,
  Outcomes: cell,
  Indicator: cell,
  Metric: cell,
  Source: cell,
  Status: cell,
  Reason: cell,
  'Data owner': cell,
  'Next step': cell,
  'Last reviewed': cell,
  'Reviewed by': cell,
});
export type DataMappingRow = z.infer<typeof DataMappingRowSchema>;
/** A column of the data mapping spreadsheet. */
export type DataMappingColumn = keyof DataMappingRow;
/** The data mapping spreadsheet's columns, in the order exports write them. */
export const dataMappingColumns: readonly DataMappingColumn[] = DataMappingRowSchema.keyof().options;
/** The columns an import reads and writes back; the others describe the metric and are ignored on import. */
export const dataMappingEditableColumns: readonly DataMappingColumn[] = [
  'Status',
  'Reason',
  'Data owner',
  'Next step',
  'Last reviewed',
  'Reviewed by',
];

/** One problem found while importing a spreadsheet: `row` counts as the spreadsheet does (header = 1); null = file. */
export const ImportProblemSchema = z.object({
  row: z.number().int().min(1).nullable(),
  column: z.string().nullable(),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** What a data mapping import changed, or would have. */
export const DataMappingImportReportSchema = z.object({
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Rows naming a metric the framework does not have: reported, never created. */
  unknownMetrics: z.array(z.object({ row: z.number().int(), metric: z.string() })),
});
export type DataMappingImportReport = z.infer<typeof DataMappingImportReportSchema>;
