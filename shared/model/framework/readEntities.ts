import * as Y from 'yjs';
import type { z } from 'zod';
import {
  IndicatorSchema,
  MetricSchema,
  OutcomeSchema,
  type Indicator,
  type Metric,
  type Outcome,
} from '../../schemas/framework.ts';
import { entityFields, entityMap, setFields, textFields, type EntityKind } from './docShape.ts';

/** An entry of the doc that could not be read: it is left out of every read, and reported here instead. */
export interface FrameworkProblem {
  kind: EntityKind;
  id: string;
  reason: string;
}

/** The result of reading many entities: the valid ones, and what was wrong with the others. */
export interface EntityRead<T> {
  items: T[];
  problems: FrameworkProblem[];
}

type EntityOf<K extends EntityKind> = { outcome: Outcome; indicator: Indicator; metric: Metric }[K];

const schemas: { [K in EntityKind]: z.ZodType<EntityOf<K>, unknown> } = {
  outcome: OutcomeSchema,
  indicator: IndicatorSchema,
  metric: MetricSchema,
};

type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Turns one stored entry into a validated entity, or the reason it is not one. Never throws. */
export function parseEntity<K extends EntityKind>(kind: K, id: string, stored: unknown): Parsed<EntityOf<K>> {
  if (!(stored instanceof Y.Map)) return { ok: false, reason: 'is not a map of fields' };
  const fields = stored as Y.Map<unknown>;
  const plain: Record<string, unknown> = { id };
  for (const [field, value] of fields.entries()) plain[field] = value;
  for (const field of textFields[kind]) {
    const value = fields.get(field);
    if (!(value instanceof Y.Text)) return { ok: false, reason: `${field} is not shared text` };
    plain[field] = value.toString();
  }
  for (const field of setFields[kind]) {
    const value = fields.get(field);
    if (value === undefined) plain[field] = [];
    else if (value instanceof Y.Map) plain[field] = setMembers(value);
    else return { ok: false, reason: `${field} is not a set` };
  }
  const result = schemas[kind].safeParse(plain);
  if (result.success) return { ok: true, value: result.data };
  const reason = result.error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
  return { ok: false, reason };
}

/** The members of a set field, sorted so every replica reads them alike (map iteration order can differ). */
function setMembers(set: Y.Map<unknown>): string[] {
  const members: string[] = [];
  for (const [key, value] of set.entries()) if (value === true) members.push(key);
  return members.sort();
}

/** Reads every entry of one kind, deleted ones included, reporting and skipping the invalid ones. */
export function readAllEntities<K extends EntityKind>(doc: Y.Doc, kind: K): EntityRead<EntityOf<K>> {
  const items: EntityOf<K>[] = [];
  const problems: FrameworkProblem[] = [];
  for (const [id, stored] of entityMap(doc, kind).entries()) {
    const parsed = parseEntity(kind, id, stored);
    if (parsed.ok) items.push(parsed.value);
    else problems.push({ kind, id, reason: parsed.reason });
  }
  return { items, problems };
}

/** Reads one entity, deleted or not; null when it is missing or invalid. */
export function readEntity<K extends EntityKind>(doc: Y.Doc, kind: K, id: string): EntityOf<K> | null {
  const stored = entityFields(doc, kind, id);
  if (!stored) return null;
  const parsed = parseEntity(kind, id, stored);
  return parsed.ok ? parsed.value : null;
}

/**
 * Reads the valid, not deleted entities of one kind whose stored fields pass `where`, checked before validating so
 * that finding a few siblings in a large workspace stays cheap. Invalid entries are skipped silently here: full reads
 * report them.
 */
export function readLiveEntitiesWhere<K extends EntityKind>(
  doc: Y.Doc,
  kind: K,
  where: (fields: Y.Map<unknown>) => boolean,
): EntityOf<K>[] {
  const items: EntityOf<K>[] = [];
  for (const [id, stored] of entityMap(doc, kind).entries()) {
    if (!(stored instanceof Y.Map)) continue;
    const fields = stored as Y.Map<unknown>;
    if (fields.get('deletedAt') != null || !where(fields)) continue;
    const parsed = parseEntity(kind, id, fields);
    if (parsed.ok) items.push(parsed.value);
  }
  return items;
}
