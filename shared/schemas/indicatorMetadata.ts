import { z } from 'zod';
import { ComparisonMethodSchema, ValueTypeSchema } from './evidenceMethods.ts';
import { EntityIdSchema, FingertipsIdSchema, PolaritySchema } from './framework.ts';

/**
 * One Fingertips indicator's metadata as imported from the indicator metadata CSV: the texts as Fingertips wrote
 * them, and the keys we read from them (null where the file left the cell empty or has no such column).
 */
export const IndicatorMetadataSchema = z.object({
  fingertipsId: FingertipsIdSchema,
  name: z.string(),
  definition: z.string(),
  rationale: z.string(),
  unit: z.string(),
  valueTypeText: z.string(),
  valueType: ValueTypeSchema.nullable(),
  polarityText: z.string(),
  polarity: PolaritySchema.nullable(),
  dataSource: z.string(),
  frequency: z.string(),
  /** Fingertips' "Confidence interval details": how the intervals were calculated, in words. */
  ciMethod: z.string(),
  /** Fingertips' benchmarking (comparator) method as written, e.g. "Confidence intervals overlapping reference value (95.0)". */
  comparisonMethodText: z.string(),
  comparisonMethod: ComparisonMethodSchema.nullable(),
  importedAt: z.string(),
});
export type IndicatorMetadata = z.infer<typeof IndicatorMetadataSchema>;

/** The metric fields the metadata fills in (value type and comparison method live only in the metadata). */
export const metadataMetricFields = ['polarity', 'unit', 'definition'] as const;
export const MetadataMetricFieldSchema = z.enum(metadataMetricFields);
export type MetadataMetricField = z.infer<typeof MetadataMetricFieldSchema>;

/** A metric value kept although Fingertips says otherwise: a local override. Values as people read them. */
export const MetricOverrideSchema = z.object({
  field: MetadataMetricFieldSchema,
  local: z.string(),
  fingertips: z.string(),
});
export type MetricOverride = z.infer<typeof MetricOverrideSchema>;

/** What an indicator metadata import did: all-or-nothing, so either everything below was written or nothing was. */
export const IndicatorMetadataImportReportSchema = z.object({
  rowsRead: z.number().int(),
  /** Indicators new to the partnership, whose metadata changed, and already as the file has them. */
  created: z.number().int(),
  changed: z.number().int(),
  unchanged: z.number().int(),
  /** Indicators in the file that no metric of the framework uses: their metadata is kept, nothing else happens. */
  skippedIndicators: z.array(z.object({ indicatorId: z.string(), name: z.string() })),
  /** Metrics whose polarity, unit or definition the import wrote. */
  metricsUpdated: z.array(z.object({ metricId: EntityIdSchema, fields: z.array(MetadataMetricFieldSchema) })),
  /** Metric values kept because they differ from the metadata, each with a sentence saying so. */
  overrides: z.array(MetricOverrideSchema.extend({ metricId: EntityIdSchema, message: z.string() })),
  notes: z.array(z.string()),
});
export type IndicatorMetadataImportReport = z.infer<typeof IndicatorMetadataImportReportSchema>;
