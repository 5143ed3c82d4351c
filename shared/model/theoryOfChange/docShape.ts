import * as Y from 'yjs';

/**
 * Where the theory of change lives in the workspace doc: two top-level Y.Maps keyed by entity id whose values are
 * Y.Maps of fields. Links are kept apart from actions (not nested in them) so a link survives an action being
 * deleted and restored, and so two people linking the same action at once never replace each other's map.
 */
export const theoryOfChangeMapNames = {
  action: 'theoryOfChange.actions',
  link: 'theoryOfChange.links',
} as const;

/** The two kinds of theory of change entity. */
export type TheoryOfChangeKind = keyof typeof theoryOfChangeMapNames;

/** The top-level map of one kind of entity. */
export function tocMap(doc: Y.Doc, kind: TheoryOfChangeKind): Y.Map<unknown> {
  return doc.getMap<unknown>(theoryOfChangeMapNames[kind]);
}

/** The field map of an entity, or null when there is none (or what is stored is not a map). */
export function tocFields(doc: Y.Doc, kind: TheoryOfChangeKind, id: string): Y.Map<unknown> | null {
  const value = tocMap(doc, kind).get(id);
  return value instanceof Y.Map ? value : null;
}

/** The shared types holding the theory of change, for an undo manager or an observer. */
export function theoryOfChangeSharedTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [tocMap(doc, 'action'), tocMap(doc, 'link')];
}

/** Calls `listener` after every change to the offer or its links, local or remote; returns a function that stops it. */
export function observeTheoryOfChange(doc: Y.Doc, listener: () => void): () => void {
  const types = theoryOfChangeSharedTypes(doc);
  types.forEach((type) => type.observeDeep(listener));
  return () => types.forEach((type) => type.unobserveDeep(listener));
}

/**
 * The Y.Map of Y.Maps behind a list field (measures, assumptions): each item is its own map under a random id, so
 * items two people add at once both survive, and editing one item never touches another. Replaces a wrong type.
 */
export function sharedItems(entity: Y.Map<unknown>, field: string): Y.Map<unknown> {
  const value = entity.get(field);
  if (value instanceof Y.Map) return value;
  const replacement = new Y.Map<unknown>();
  entity.set(field, replacement);
  return replacement;
}

/** One item of a list field, or null when there is none. */
export function sharedItem(entity: Y.Map<unknown>, field: string, itemId: string): Y.Map<unknown> | null {
  const items = entity.get(field);
  if (!(items instanceof Y.Map)) return null;
  const item = (items as Y.Map<unknown>).get(itemId);
  return item instanceof Y.Map ? item : null;
}
