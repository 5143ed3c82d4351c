import type * as Y from 'yjs';
import { defaultEvidenceMethod, type EvidenceMethod } from '../../schemas/evidenceMethods.ts';
import { frameworkLimits, type Metric, type MetricPatch, type Polarity } from '../../schemas/framework.ts';
import type { IndicatorMetadata, MetadataMetricField, MetricOverride } from '../../schemas/indicatorMetadata.ts';
import { metadataMetricFields } from '../../schemas/indicatorMetadata.ts';
import { updateMetric } from '../framework/metrics.ts';
import { polarityLabels } from '../framework/labels.ts';

/** Metadata values as they would be written into a metric (null: the metadata says nothing about the field). */
type FieldValues = { [F in MetadataMetricField]: F extends 'polarity' ? Polarity | null : string | null };

// Definitions come from Fingertips with their own line breaks and spacing; a copy pasted by hand is the same text.
const sameText = (a: string, b: string): boolean => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');

/** The values the metadata gives each metric field, cut to the metric's limits. */
function metadataValues(metadata: IndicatorMetadata): FieldValues {
  const unit = metadata.unit.trim().slice(0, frameworkLimits.unit);
  const definition = metadata.definition.trim().slice(0, frameworkLimits.definition);
  return { polarity: metadata.polarity, unit: unit || null, definition: definition || null };
}

/** Whether a metric's own value counts as not filled in: empty text, or a polarity of no judgement. */
function isEmpty(metric: Metric, field: MetadataMetricField): boolean {
  return field === 'polarity' ? metric.polarity === 'no-judgement' : metric[field].trim() === '';
}

function equals(metric: Metric, field: MetadataMetricField, value: string): boolean {
  return field === 'polarity' ? metric.polarity === value : sameText(metric[field], value);
}

/** A field's value as people read it ("Lower is better", a unit, a definition). */
export function metadataFieldWords(field: MetadataMetricField, value: string): string {
  return field === 'polarity' ? (polarityLabels[value as Polarity] ?? value) : value;
}

/** The fields of a metric that differ from its Fingertips metadata: local overrides, in words. */
export function metadataOverrides(metric: Metric, metadata: IndicatorMetadata | null): MetricOverride[] {
  if (!metadata) return [];
  const values = metadataValues(metadata);
  const overrides: MetricOverride[] = [];
  for (const field of metadataMetricFields) {
    const value = values[field];
    if (value === null || equals(metric, field, value)) continue;
    overrides.push({
      field,
      local: metadataFieldWords(field, metric[field]),
      fingertips: field === 'polarity' ? metadata.polarityText || metadataFieldWords(field, value) : value,
    });
  }
  return overrides;
}

/** What importing metadata does to one metric: the fields to write, and the values kept as local overrides. */
export interface MetadataPlan {
  patch: MetricPatch;
  overrides: MetricOverride[];
}

/**
 * The decided rule: a metric takes its polarity, unit and definition from its Fingertips metadata where its own value
 * is empty (polarity: no judgement) or equals the metadata imported before (so it follows Fingertips' changes); any
 * other value is a local override, kept.
 */
export function planMetadataForMetric(
  metric: Metric,
  metadata: IndicatorMetadata,
  previous: IndicatorMetadata | null,
): MetadataPlan {
  const values = metadataValues(metadata);
  const before = previous ? metadataValues(previous) : null;
  const patch: MetricPatch = {};
  const overrides: MetricOverride[] = [];
  for (const field of metadataMetricFields) {
    const value = values[field];
    if (value === null || equals(metric, field, value)) continue;
    const earlier = before?.[field] ?? null;
    if (isEmpty(metric, field) || (earlier !== null && equals(metric, field, earlier))) {
      if (field === 'polarity') patch.polarity = value as Polarity;
      else patch[field] = value;
    } else {
      overrides.push(...metadataOverrides(metric, metadata).filter((override) => override.field === field));
    }
  }
  return { patch, overrides };
}

/** Writes one metadata field's value into a metric (the "Use the Fingertips value" button); false if nothing to write. */
export function applyFingertipsValue(
  doc: Y.Doc,
  metricId: string,
  metadata: IndicatorMetadata,
  field: MetadataMetricField,
): boolean {
  const value = metadataValues(metadata)[field];
  if (value === null) return false;
  return updateMetric(doc, metricId, field === 'polarity' ? { polarity: value as Polarity } : { [field]: value });
}

/** The methods a metric's evidence is judged by: from its metadata where it has them, else the defaults. */
export function evidenceMethodOf(metadata: IndicatorMetadata | null): EvidenceMethod {
  if (!metadata) return defaultEvidenceMethod;
  return {
    comparison: metadata.comparisonMethod ?? defaultEvidenceMethod.comparison,
    valueType: metadata.valueType ?? defaultEvidenceMethod.valueType,
    source: 'fingertips-metadata',
  };
}
