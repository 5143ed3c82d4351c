import { z } from 'zod';
import { ImportDisagreementSchema, MetricComparatorsSchema } from './comparatorAreas.ts';
import { ComparatorJudgementSchema } from './evidenceJudgements.ts';
import { EvidenceMethodSchema } from './evidenceMethods.ts';
import { EntityIdSchema, MetricSchema } from './framework.ts';
import { IndicatorMetadataSchema, MetricOverrideSchema } from './indicatorMetadata.ts';

/** Where an observation came from: the OHID Fingertips export, the partnership's own data, or illustrative samples. */
export const observationSourceKeys = ['fingertips', 'local', 'sample'] as const;
export const ObservationSourceSchema = z.enum(observationSourceKeys);
export type ObservationSource = z.infer<typeof ObservationSourceSchema>;

/** England's area code: every partnership's first comparator. */
export const englandAreaCode = 'E92000001';

/**
 * One observation as the API sends it. Counts under the small-count threshold are suppressed on the server:
 * `suppressed` is true and value, confidence limits and count are null, so the numbers never reach the browser.
 */
export const ObservationSchema = z.object({
  metricId: EntityIdSchema,
  areaCode: z.string(),
  areaName: z.string(),
  period: z.string(),
  /** Sorts periods in time order (e.g. 2019/20 → 20190000). */
  periodKey: z.number().int(),
  /** Empty for the whole population; otherwise the kind of breakdown, e.g. "Deprivation decile". */
  categoryType: z.string(),
  category: z.string(),
  value: z.number().nullable(),
  lowerCi: z.number().nullable(),
  upperCi: z.number().nullable(),
  count: z.number().nullable(),
  denominator: z.number().nullable(),
  note: z.string(),
  source: ObservationSourceSchema,
  suppressed: z.boolean(),
  importedAt: z.string(),
  batchId: z.string(),
  /** The 99.8% confidence limits (Fingertips exports carry them; local data may not). Suppressed with the value. */
  lowerCi998: z.number().nullable(),
  upperCi998: z.number().nullable(),
  /**
   * 1 (lowest fifth of values) to 5 (highest) among every area of the same type in the imported file for this
   * indicator, period and breakdown; null with fewer than five such areas, no value, or suppressed.
   */
  quintile: z.number().int().min(1).max(5).nullable(),
  /** The export's own "Compared to England/<region> value or percentiles" texts, as Fingertips wrote them. */
  fingertipsComparisons: z.object({ england: z.string().nullable(), region: z.string().nullable() }),
});
export type Observation = z.infer<typeof ObservationSchema>;

/** How an area relates to the partnership: its own area, its region, England, or another area. */
export const AreaRoleSchema = z.enum(['area', 'region', 'england', 'other']);
export type AreaRole = z.infer<typeof AreaRoleSchema>;

/** An area that has observations, with its role for this partnership. */
export const EvidenceAreaSchema = z.object({ code: z.string(), name: z.string(), role: AreaRoleSchema });
export type EvidenceArea = z.infer<typeof EvidenceAreaSchema>;

/** Everything shown on one metric's evidence page. */
export const MetricEvidenceSchema = z.object({
  metricId: EntityIdSchema,
  /** The metric as the server read it, so the page can draw before the workspace doc has synced. */
  metric: MetricSchema,
  areas: z.array(EvidenceAreaSchema),
  observations: z.array(ObservationSchema),
  /** The count below which values are suppressed. */
  smallCountThreshold: z.number().int(),
  /** The place against the partnership's comparator areas in the latest period it has a value. */
  comparators: MetricComparatorsSchema,
  /** The Fingertips indicator metadata imported for the metric's Fingertips id, or null. */
  metadata: IndicatorMetadataSchema.nullable(),
  /** The metric's polarity, unit or definition where it differs from the metadata: local overrides. */
  overrides: z.array(MetricOverrideSchema),
  /** The methods the metric is judged by: from its metadata, else the defaults. */
  method: EvidenceMethodSchema,
  /** Per comparator (England, the region): the method, significance level and judgement of the latest value. */
  judgements: z.array(ComparatorJudgementSchema),
});
export type MetricEvidence = z.infer<typeof MetricEvidenceSchema>;

/** Whole-population series for several metrics at once (the small multiples on an outcome page). */
export const EvidenceSeriesSchema = z.object({
  areas: z.array(EvidenceAreaSchema),
  metrics: z.array(
    z.object({
      metricId: EntityIdSchema,
      observations: z.array(ObservationSchema),
      /** The methods the metric is judged by (its metadata's, else the defaults), so every view judges alike. */
      method: EvidenceMethodSchema.optional(),
    }),
  ),
  smallCountThreshold: z.number().int(),
});
export type EvidenceSeries = z.infer<typeof EvidenceSeriesSchema>;

/** Which metrics have observations, and the latest period of each (for lists). */
export const EvidenceOverviewSchema = z.object({
  metrics: z.array(
    z.object({
      metricId: EntityIdSchema,
      observations: z.number().int(),
      latestPeriod: z.string(),
      sources: z.array(ObservationSourceSchema),
    }),
  ),
});
export type EvidenceOverview = z.infer<typeof EvidenceOverviewSchema>;

/** Query of the several-metrics series route: comma-separated metric ids. */
export const EvidenceSeriesQuerySchema = z.object({
  metricIds: z
    .string()
    .max(5_000)
    .transform((text) => text.split(',').filter((id) => id !== ''))
    .pipe(z.array(EntityIdSchema).max(100)),
});

/** What an observations import did: all-or-nothing, so either everything below was written or nothing was. */
export const ObservationImportReportSchema = z.object({
  batchId: z.string().nullable(),
  rowsRead: z.number().int(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Rows for other areas (the export covers every area; only the partnership's and its comparators are kept). */
  otherAreaRows: z.number().int(),
  /** Fingertips indicator ids with no metric in the framework: their rows are skipped, nothing is created. */
  skippedIndicators: z.array(z.object({ indicatorId: z.string(), name: z.string(), rows: z.number().int() })),
  /** The metrics that received rows. */
  metrics: z.array(z.object({ metricId: EntityIdSchema, rows: z.number().int() })),
  areas: z.array(EvidenceAreaSchema),
  /** Things worth knowing that did not stop the import, e.g. no region found. */
  notes: z.array(z.string()),
  /** Rows where the export's own "Compared to England/region" text differs from our computation (at most 200). */
  disagreements: z.array(ImportDisagreementSchema),
  /**
   * Metrics that received rows while their data mapping says the data are missing or not accessible: the report
   * asks whether to mark them available (one click each), since the file shows the data exist.
   */
  nowAvailable: z
    .array(z.object({ metricId: EntityIdSchema, name: z.string(), status: z.enum(['missing', 'not-accessible']) }))
    .default([]),
});
export type ObservationImportReport = z.infer<typeof ObservationImportReportSchema>;

/** One past import, for the history list. */
export const ImportBatchSchema = z.object({
  id: z.string(),
  source: ObservationSourceSchema,
  fileName: z.string(),
  importedAt: z.string(),
  importedBy: z.string().nullable(),
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

/** Query of the import routes: the uploaded file's name, kept with the batch so people recognise their imports. */
export const ObservationImportQuerySchema = z.object({
  fileName: z
    .string()
    .trim()
    .max(200)
    .default('upload')
    .transform((name) => name || 'upload'),
});

/** Query of the export and template routes. */
export const SpreadsheetFormatQuerySchema = z.object({ format: z.enum(['csv', 'xlsx']).default('csv') });
