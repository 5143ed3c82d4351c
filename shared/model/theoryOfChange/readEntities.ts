import * as Y from 'yjs';
import type { z } from 'zod';
import {
  AssumptionSchema,
  OfferActionSchema,
  PerformanceMeasureSchema,
  TheoryOfChangeLinkSchema,
  type OfferAction,
  type TheoryOfChangeLink,
} from '../../schemas/theoryOfChange.ts';
import { tocFields, tocMap, type TheoryOfChangeKind } from './docShape.ts';

/** An entry of the doc that could not be read: it is left out of every read, and reported here instead. */
export interface TheoryOfChangeProblem {
  kind: TheoryOfChangeKind;
  id: string;
  reason: string;
}

type EntityOf<K extends TheoryOfChangeKind> = { action: OfferAction; link: TheoryOfChangeLink }[K];
/** A parsed entity, with the ids of list items (measures, assumptions) that were skipped as unreadable. */
type Parsed<T> = { ok: true; value: T; skipped: string[] } | { ok: false; reason: string };
type Plain = Record<string, unknown>;

/** A stored map's fields as plain values, with its shared texts read as strings (null when one is not a Y.Text). */
function plainFields(fields: Y.Map<unknown>, textFields: readonly string[]): Plain | string {
  const plain: Plain = {};
  for (const [field, value] of fields.entries()) plain[field] = value;
  for (const field of textFields) {
    const value = fields.get(field);
    if (!(value instanceof Y.Text)) return `${field} is not shared text`;
    plain[field] = value.toString();
  }
  return plain;
}

/** The members of a set field, sorted so every replica reads them alike; null when it is not a set. */
function setMembers(value: unknown): string[] | null {
  if (value === undefined) return [];
  if (!(value instanceof Y.Map)) return null;
  const members: string[] = [];
  for (const [key, member] of (value as Y.Map<unknown>).entries()) if (member === true) members.push(key);
  return members.sort();
}

/**
 * The valid items of a list field (measures, assumptions), sorted by order key. An item that is not a map or does
 * not validate is skipped and its id noted, so one bad assumption never hides the whole link.
 */
function listItems<T extends { id: string; order: string }>(
  value: unknown,
  schema: z.ZodType<T, unknown>,
  skipped: string[],
): T[] | null {
  if (value === undefined) return [];
  if (!(value instanceof Y.Map)) return null;
  const items: T[] = [];
  for (const [id, stored] of (value as Y.Map<unknown>).entries()) {
    const plain = stored instanceof Y.Map ? plainFields(stored as Y.Map<unknown>, ['text']) : 'not a map';
    const parsed = typeof plain === 'string' ? null : schema.safeParse({ ...plain, id });
    if (parsed?.success) items.push(parsed.data);
    else skipped.push(id);
  }
  return items.sort(byOrder);
}

function issuesText(issues: readonly { path: PropertyKey[]; message: string }[]): string {
  return issues.map((issue) => `${issue.path.map(String).join('.') || 'entry'}: ${issue.message}`).join('; ');
}

/** Orders list items by order key, ties broken by id, so every replica lists them alike. */
function byOrder<T extends { id: string; order: string }>(a: T, b: T): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Turns one stored action into a validated action, or the reason it is not one. Never throws. */
export function parseAction(id: string, stored: unknown): Parsed<OfferAction> {
  if (!(stored instanceof Y.Map)) return { ok: false, reason: 'is not a map of fields' };
  const plain = plainFields(stored as Y.Map<unknown>, ['name', 'provider']);
  if (typeof plain === 'string') return { ok: false, reason: plain };
  const localities = setMembers(plain.localities);
  const ageStages = setMembers(plain.ageStages);
  const skipped: string[] = [];
  const measures = listItems(plain.measures, PerformanceMeasureSchema, skipped);
  if (!localities) return { ok: false, reason: 'localities is not a set' };
  if (!ageStages) return { ok: false, reason: 'ageStages is not a set' };
  if (!measures) return { ok: false, reason: 'measures is not a map of measures' };
  const result = OfferActionSchema.safeParse({ ...plain, id, localities, ageStages, measures });
  if (!result.success) return { ok: false, reason: issuesText(result.error.issues) };
  return { ok: true, value: result.data, skipped };
}

/** Turns one stored link into a validated link, or the reason it is not one. Never throws. */
export function parseLink(id: string, stored: unknown): Parsed<TheoryOfChangeLink> {
  if (!(stored instanceof Y.Map)) return { ok: false, reason: 'is not a map of fields' };
  const plain = plainFields(stored as Y.Map<unknown>, ['mechanism']);
  if (typeof plain === 'string') return { ok: false, reason: plain };
  const skipped: string[] = [];
  const assumptions = listItems(plain.assumptions, AssumptionSchema, skipped);
  if (!assumptions) return { ok: false, reason: 'assumptions is not a map of assumptions' };
  const result = TheoryOfChangeLinkSchema.safeParse({ ...plain, id, assumptions });
  if (!result.success) return { ok: false, reason: issuesText(result.error.issues) };
  return { ok: true, value: result.data, skipped };
}

const parsers: { [K in TheoryOfChangeKind]: (id: string, stored: unknown) => Parsed<EntityOf<K>> } = {
  action: parseAction,
  link: parseLink,
};

/** Reads every entry of one kind, deleted ones included, reporting and skipping the invalid ones. */
export function readAllTocEntities<K extends TheoryOfChangeKind>(
  doc: Y.Doc,
  kind: K,
): { items: EntityOf<K>[]; problems: TheoryOfChangeProblem[] } {
  const items: EntityOf<K>[] = [];
  const problems: TheoryOfChangeProblem[] = [];
  for (const [id, stored] of tocMap(doc, kind).entries()) {
    const parsed = parsers[kind](id, stored);
    if (!parsed.ok) {
      problems.push({ kind, id, reason: parsed.reason });
      continue;
    }
    items.push(parsed.value);
    for (const item of parsed.skipped) problems.push({ kind, id, reason: `item ${item} could not be read` });
  }
  return { items, problems };
}

/** Reads one entity, deleted or not; null when it is missing or invalid. */
export function readTocEntity<K extends TheoryOfChangeKind>(doc: Y.Doc, kind: K, id: string): EntityOf<K> | null {
  const stored = tocFields(doc, kind, id);
  if (!stored) return null;
  const parsed = parsers[kind](id, stored);
  return parsed.ok ? parsed.value : null;
}
