import * as Y from 'yjs';
import { setText } from '../text.ts';

/**
 * Where the framework lives in the workspace doc. Each is a top-level Y.Map keyed by entity id whose values are
 * Y.Maps of fields. Top-level types are never replaced, so two replicas that create them concurrently share one.
 */
export const frameworkMapNames = {
  outcome: 'framework.outcomes',
  indicator: 'framework.indicators',
  metric: 'framework.metrics',
} as const;

/** The three kinds of framework entity. */
export type EntityKind = keyof typeof frameworkMapNames;

/** Fields held as Y.Text so people typing in them at the same time merge rather than overwrite each other. */
export const textFields = {
  outcome: ['statement', 'description'],
  indicator: ['name', 'definition'],
  metric: ['name', 'definition'],
} as const satisfies Record<EntityKind, readonly string[]>;

/** Fields held as sets (Y.Map key → true) so concurrent adds and removes of different members all survive. */
export const setFields = {
  outcome: ['ageStages'],
  indicator: ['outcomeIds'],
  metric: ['breakdowns'],
} as const satisfies Record<EntityKind, readonly string[]>;

/** A co-typed text field of an entity kind. */
export type TextField<K extends EntityKind> = (typeof textFields)[K][number];

/** The top-level map of one kind of entity. */
export function entityMap(doc: Y.Doc, kind: EntityKind): Y.Map<unknown> {
  return doc.getMap<unknown>(frameworkMapNames[kind]);
}

/** The shared types holding the framework, for an undo manager or an observer. */
export function frameworkSharedTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [entityMap(doc, 'outcome'), entityMap(doc, 'indicator'), entityMap(doc, 'metric')];
}

/** Calls `listener` after every change to the framework, local or remote; returns a function that stops it. */
export function observeFramework(doc: Y.Doc, listener: () => void): () => void {
  const types = frameworkSharedTypes(doc);
  types.forEach((type) => type.observeDeep(listener));
  return () => types.forEach((type) => type.unobserveDeep(listener));
}

/** The field map of an entity, or null when there is none (or what is stored is not a map). */
export function entityFields(doc: Y.Doc, kind: EntityKind, id: string): Y.Map<unknown> | null {
  const value = entityMap(doc, kind).get(id);
  return value instanceof Y.Map ? value : null;
}

/** A new short random id: 64 bits, plenty for the items of one workspace. */
export function newEntityId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The Y.Text behind a text field, replacing a value of the wrong type (left by a bug or an old version). */
export function sharedText(entity: Y.Map<unknown>, field: string): Y.Text {
  const value = entity.get(field);
  if (value instanceof Y.Text) return value;
  const replacement = new Y.Text();
  entity.set(field, replacement);
  return replacement;
}

/** The Y.Map behind a set field, replacing a value of the wrong type. */
export function sharedSet(entity: Y.Map<unknown>, field: string): Y.Map<unknown> {
  const value = entity.get(field);
  if (value instanceof Y.Map) return value;
  const replacement = new Y.Map<unknown>();
  entity.set(field, replacement);
  return replacement;
}

/** Sets a text field by a minimal edit, so what others type elsewhere in it at the same time survives. */
export function writeText(entity: Y.Map<unknown>, field: string, value: string, limit: number): void {
  setText(sharedText(entity, field), value.slice(0, limit));
}

/** Makes a set field hold exactly `members`, touching only members that change so concurrent changes to others survive. */
export function writeSet(entity: Y.Map<unknown>, field: string, members: Iterable<string>): void {
  const set = sharedSet(entity, field);
  const wanted = new Set(members);
  for (const key of Array.from(set.keys())) if (!wanted.has(key) || set.get(key) !== true) set.delete(key);
  for (const key of wanted) if (set.get(key) !== true) set.set(key, true);
}

/** Adds or removes one member of a set field. */
export function toggleSetMember(entity: Y.Map<unknown>, field: string, member: string, included: boolean): void {
  const set = sharedSet(entity, field);
  if (included && set.get(member) !== true) set.set(member, true);
  if (!included && set.has(member)) set.delete(member);
}

/** Sets a plain field only when it changes: an unchanged write would still win over a concurrent real change. */
export function writePlain(entity: Y.Map<unknown>, field: string, value: string | null): void {
  if (entity.get(field) !== value) entity.set(field, value);
}

/** The field map of an entity, creating an empty one when there is none or what is stored is not a map. */
export function ensureEntity(doc: Y.Doc, kind: EntityKind, id: string): Y.Map<unknown> {
  const existing = entityFields(doc, kind, id);
  if (existing) return existing;
  const entity = new Y.Map<unknown>();
  entityMap(doc, kind).set(id, entity);
  return entity;
}
