import * as Y from 'yjs';
import {
  DataMappingPatchSchema,
  MetricDataMappingSchema,
  ReviewStampSchema,
  type DataMappingPatch,
  type MetricDataMapping,
  type ReviewStamp,
} from '../../schemas/dataMapping.ts';
import {
  dataMappingMap,
  dataMappingTextFields,
  ensureMappingFields,
  mappingFields,
  mappingText,
  writeMappingPlain,
  writeMappingText,
  type DataMappingTextField,
} from './docShape.ts';

/** A metric nobody has mapped yet reads as this. */
export function emptyMapping(metricId: string): MetricDataMapping {
  return { metricId, status: null, reason: '', owner: '', nextStep: '', reviewedAt: null, reviewedBy: null };
}

/** Turns one stored entry into a mapping; null when it cannot be read (reported by `readDataMapping`). */
function parseMapping(metricId: string, stored: unknown): MetricDataMapping | null {
  if (!(stored instanceof Y.Map)) return null;
  const fields = stored as Y.Map<unknown>;
  const plain: Record<string, unknown> = { metricId };
  for (const [field, value] of fields.entries()) plain[field] = value instanceof Y.Text ? value.toString() : value;
  const parsed = MetricDataMappingSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/** Every stored mapping by metric id (entries that cannot be read are listed in `problems` and left out). */
export function readDataMapping(doc: Y.Doc): { byMetric: Map<string, MetricDataMapping>; problems: string[] } {
  const byMetric = new Map<string, MetricDataMapping>();
  const problems: string[] = [];
  for (const [metricId, stored] of dataMappingMap(doc).entries()) {
    const mapping = parseMapping(metricId, stored);
    if (mapping) byMetric.set(metricId, mapping);
    else problems.push(metricId);
  }
  return { byMetric, problems };
}

/** One metric's mapping; a metric nobody has mapped (or whose entry is unreadable) reads as not yet mapped. */
export function readMetricMapping(doc: Y.Doc, metricId: string): MetricDataMapping {
  return parseMapping(metricId, mappingFields(doc, metricId)) ?? emptyMapping(metricId);
}

/** The mapping of each metric in `metricIds`, in that order, not yet mapped ones included. */
export function mappingsFor(doc: Y.Doc, metricIds: readonly string[]): MetricDataMapping[] {
  const { byMetric } = readDataMapping(doc);
  return metricIds.map((id) => byMetric.get(id) ?? emptyMapping(id));
}

/** Writes the named fields of one entry and stamps it reviewed; returns whether anything changed. */
function applyPatch(fields: Y.Map<unknown>, patch: ReturnType<typeof DataMappingPatchSchema.parse>): boolean {
  let changed = false;
  const before = (field: string): unknown => {
    const value = fields.get(field);
    return value instanceof Y.Text ? value.toString() : (value ?? null);
  };
  if (patch.status !== undefined && before('status') !== patch.status) {
    writeMappingPlain(fields, 'status', patch.status);
    changed = true;
  }
  if (patch.owner !== undefined && (before('owner') ?? '') !== patch.owner) {
    writeMappingPlain(fields, 'owner', patch.owner);
    changed = true;
  }
  for (const field of dataMappingTextFields) {
    const value = patch[field];
    if (value !== undefined && (before(field) ?? '') !== value) {
      writeMappingText(fields, field, value);
      changed = true;
    }
  }
  return changed;
}

/**
 * Changes the named fields of one metric's mapping and, when something changed, records who reviewed it and when.
 * Fields not named are left alone, so someone else's concurrent change to them survives. Returns whether it changed.
 */
export function updateDataMapping(doc: Y.Doc, metricId: string, patch: DataMappingPatch, stamp: ReviewStamp): boolean {
  const fields = DataMappingPatchSchema.parse(patch);
  const reviewed = ReviewStampSchema.parse(stamp);
  let changed = false;
  doc.transact(() => {
    const entry = ensureMappingFields(doc, metricId);
    changed = applyPatch(entry, fields);
    if (changed) stampReviewed(entry, reviewed);
  });
  return changed;
}

/** Applies one change to many metrics at once (bulk edit), in one transaction; returns how many changed. */
export function updateDataMappings(
  doc: Y.Doc,
  metricIds: readonly string[],
  patch: DataMappingPatch,
  stamp: ReviewStamp,
): number {
  const fields = DataMappingPatchSchema.parse(patch);
  const reviewed = ReviewStampSchema.parse(stamp);
  let count = 0;
  doc.transact(() => {
    for (const metricId of new Set(metricIds)) {
      const entry = ensureMappingFields(doc, metricId);
      if (!applyPatch(entry, fields)) continue;
      stampReviewed(entry, reviewed);
      count += 1;
    }
  });
  return count;
}

/** Records that a mapping was reviewed (and found still right) without changing it. */
export function markMappingReviewed(doc: Y.Doc, metricId: string, stamp: ReviewStamp): void {
  const reviewed = ReviewStampSchema.parse(stamp);
  doc.transact(() => stampReviewed(ensureMappingFields(doc, metricId), reviewed));
}

/** Sets the review stamp as read from a spreadsheet, exactly (a round trip must not restamp unchanged rows). */
export function setMappingReview(
  doc: Y.Doc,
  metricId: string,
  reviewedAt: string | null,
  reviewedBy: string | null,
): void {
  doc.transact(() => {
    const entry = ensureMappingFields(doc, metricId);
    writeMappingPlain(entry, 'reviewedAt', reviewedAt);
    writeMappingPlain(entry, 'reviewedBy', reviewedBy);
  });
}

function stampReviewed(fields: Y.Map<unknown>, stamp: ReviewStamp): void {
  writeMappingPlain(fields, 'reviewedAt', stamp.on);
  writeMappingPlain(fields, 'reviewedBy', stamp.by);
}

/**
 * Makes sure every listed metric has a mapping entry. Creating an entry is the one moment two people can collide
 * (both create a map for the same metric; one map wins), so the grid creates them all up front, before anyone types.
 */
export function ensureDataMappingEntries(doc: Y.Doc, metricIds: readonly string[]): number {
  const map = dataMappingMap(doc);
  const missing = metricIds.filter((id) => !(map.get(id) instanceof Y.Map));
  if (missing.length === 0) return 0;
  doc.transact(() => {
    for (const id of missing) ensureMappingFields(doc, id);
  });
  return missing.length;
}

/** The shared text behind a mapping's reason or next step, for a live text field; creates the entry if needed. */
export function dataMappingText(doc: Y.Doc, metricId: string, field: DataMappingTextField): Y.Text {
  const existing = mappingFields(doc, metricId);
  if (existing && existing.get(field) instanceof Y.Text) return existing.get(field) as Y.Text;
  let text: Y.Text | null = null;
  doc.transact(() => {
    text = mappingText(ensureMappingFields(doc, metricId), field);
  });
  return text!;
}

/** The shared type holding the data mapping, for an undo manager. */
export function dataMappingSharedTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [dataMappingMap(doc)];
}

/**
 * Calls `listener` after every change to the data mapping, saying whether it was made on this replica; returns a
 * function that stops it.
 */
export function observeDataMapping(doc: Y.Doc, listener: (local: boolean) => void): () => void {
  const map = dataMappingMap(doc);
  const handle = (_events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) =>
    listener(transaction.local);
  map.observeDeep(handle);
  return () => map.unobserveDeep(handle);
}

/** The shared text behind a mapping's reason or next step when the entry exists; null otherwise (creates nothing). */
export function readMappingText(doc: Y.Doc, metricId: string, field: DataMappingTextField): Y.Text | null {
  const value = mappingFields(doc, metricId)?.get(field);
  return value instanceof Y.Text ? value : null;
}
