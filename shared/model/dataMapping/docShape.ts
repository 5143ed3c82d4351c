import * as Y from 'yjs';
import { setText } from '../text.ts';

/**
 * Where the data mapping lives in the workspace doc: one top-level Y.Map keyed by metric id, whose values are Y.Maps
 * of fields, so two people changing different fields of one metric's mapping at once both keep their change.
 * The top-level map is never replaced, so two replicas that create it concurrently share one.
 */
export const dataMappingMapName = 'dataMapping.metrics';

/** Fields held as Y.Text so that people typing in them at the same time merge rather than overwrite. */
export const dataMappingTextFields = ['reason', 'nextStep'] as const;
/** A co-typed text field of a metric's data mapping. */
export type DataMappingTextField = (typeof dataMappingTextFields)[number];

/** The top-level map of every metric's data mapping. */
export function dataMappingMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(dataMappingMapName);
}

/** The field map of one metric's mapping, or null when there is none (or what is stored is not a map). */
export function mappingFields(doc: Y.Doc, metricId: string): Y.Map<unknown> | null {
  const value = dataMappingMap(doc).get(metricId);
  return value instanceof Y.Map ? value : null;
}

/** The field map of one metric's mapping, creating it (with empty texts) when there is none. */
export function ensureMappingFields(doc: Y.Doc, metricId: string): Y.Map<unknown> {
  const existing = mappingFields(doc, metricId);
  if (existing) return existing;
  const fields = new Y.Map<unknown>();
  for (const field of dataMappingTextFields) fields.set(field, new Y.Text());
  dataMappingMap(doc).set(metricId, fields);
  return fields;
}

/** The Y.Text behind a text field, replacing a value of the wrong type. */
export function mappingText(fields: Y.Map<unknown>, field: DataMappingTextField): Y.Text {
  const value = fields.get(field);
  if (value instanceof Y.Text) return value;
  const replacement = new Y.Text();
  fields.set(field, replacement);
  return replacement;
}

/** Sets a text field by a minimal edit so what others type in it at the same time survives. */
export function writeMappingText(fields: Y.Map<unknown>, field: DataMappingTextField, value: string): void {
  setText(mappingText(fields, field), value);
}

/** Sets a plain field only when it changes: an unchanged write would still win over a concurrent real change. */
export function writeMappingPlain(fields: Y.Map<unknown>, field: string, value: string | null): void {
  if (fields.get(field) !== value) fields.set(field, value);
}
