import type * as Y from 'yjs';
import {
  MetricDraftSchema,
  MetricPatchSchema,
  frameworkLimits,
  type MetricDraft,
  type MetricPatch,
} from '../../schemas/framework.ts';
import {
  ensureEntity,
  entityFields,
  newEntityId,
  toggleSetMember,
  writePlain,
  writeSet,
  writeText,
} from './docShape.ts';
import { readIndicator, readMetric } from './entities.ts';
import { planPlacement, type SiblingTest } from './placement.ts';
import { entityText, restore, softDelete, writeOrderKeys } from './entityWrites.ts';

/** Where to put a metric: under an indicator (defaults to its own) at a position (defaults to the end). */
export interface MetricPlacement {
  indicatorId?: string;
  index?: number;
}

/** The co-typed text fields of a metric. */
export type MetricTextField = 'name' | 'definition';

function underIndicator(indicatorId: string): SiblingTest {
  return (fields) => fields.get('indicatorId') === indicatorId;
}

/** Adds a metric under an indicator (at the end unless an index is given) and returns its id; throws if none. */
export function addMetric(doc: Y.Doc, draft: MetricDraft, placement: Pick<MetricPlacement, 'index'> = {}): string {
  const fields = MetricDraftSchema.parse(draft);
  // A metric under a missing indicator would be reported as a problem on every read: refuse it here instead.
  if (!readIndicator(doc, fields.indicatorId)) throw new Error(`No indicator ${fields.indicatorId} to add a metric to`);
  const id = newEntityId();
  doc.transact(() => {
    const order = planPlacement(doc, 'metric', underIndicator(fields.indicatorId), id, placement.index);
    const entity = ensureEntity(doc, 'metric', id);
    entity.set('indicatorId', fields.indicatorId);
    writeText(entity, 'name', fields.name, frameworkLimits.name);
    writeText(entity, 'definition', fields.definition, frameworkLimits.definition);
    writeSet(entity, 'breakdowns', fields.breakdowns);
    for (const field of ['unit', 'polarity', 'source', 'fingertipsId', 'frequency', 'scope', 'templateId'] as const) {
      entity.set(field, fields[field]);
    }
    writeOrderKeys(doc, 'metric', order);
  });
  return id;
}

/** Changes a metric's fields in place; texts change by a minimal edit. Returns false when there is no such metric. */
export function updateMetric(doc: Y.Doc, id: string, patch: MetricPatch): boolean {
  const entity = entityFields(doc, 'metric', id);
  if (!entity) return false;
  const fields = MetricPatchSchema.parse(patch);
  doc.transact(() => {
    if (fields.name !== undefined) writeText(entity, 'name', fields.name, frameworkLimits.name);
    if (fields.definition !== undefined) writeText(entity, 'definition', fields.definition, frameworkLimits.definition);
    if (fields.breakdowns !== undefined) writeSet(entity, 'breakdowns', fields.breakdowns);
    for (const field of ['unit', 'polarity', 'source', 'fingertipsId', 'frequency', 'scope'] as const) {
      const value = fields[field];
      if (value !== undefined) writePlain(entity, field, value);
    }
  });
  return true;
}

/** Adds or removes one breakdown the metric's data are available by (e.g. "Ward"). */
export function setMetricBreakdown(doc: Y.Doc, id: string, breakdown: string, included: boolean): boolean {
  const entity = entityFields(doc, 'metric', id);
  const label = breakdown.trim();
  if (!entity || label.length === 0) return false;
  doc.transact(() => toggleSetMember(entity, 'breakdowns', label, included));
  return true;
}

/** Moves a metric to a position under an indicator (another one, or its own to reorder). False if missing or hidden. */
export function moveMetric(doc: Y.Doc, id: string, placement: MetricPlacement): boolean {
  const metric = readMetric(doc, id);
  const entity = entityFields(doc, 'metric', id);
  const indicatorId = placement.indicatorId ?? metric?.indicatorId;
  if (!metric || !entity || !indicatorId || !readIndicator(doc, indicatorId)) return false;
  doc.transact(() => {
    const changes = planPlacement(doc, 'metric', underIndicator(indicatorId), id, placement.index);
    // Parent and key are written together so that of two concurrent moves of this metric one wins whole.
    entity.set('indicatorId', indicatorId);
    entity.set('order', changes.get(id) ?? metric.order);
    changes.delete(id);
    writeOrderKeys(doc, 'metric', changes);
  });
  return true;
}

/** Soft-deletes a metric. Undo with restoreMetric. */
export function deleteMetric(doc: Y.Doc, id: string, by: string | null): boolean {
  return softDelete(doc, 'metric', id, by);
}

/** Restores a deleted metric. */
export function restoreMetric(doc: Y.Doc, id: string): boolean {
  return restore(doc, 'metric', id);
}

/** The shared text behind a metric's name or definition, for an editor binding; null if there is none. */
export function metricText(doc: Y.Doc, id: string, field: MetricTextField): Y.Text | null {
  return entityText(doc, 'metric', id, field);
}
