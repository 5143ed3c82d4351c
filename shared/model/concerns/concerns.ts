import * as Y from 'yjs';
import {
  ConcernDraftSchema,
  ConcernPatchSchema,
  ConcernSchema,
  type Concern,
  type ConcernDraft,
  type ConcernKind,
  type ConcernPatch,
} from '../../schemas/concerns.ts';
import { setText } from '../text.ts';

/** Where concerns live in the workspace doc: a top-level Y.Map keyed by concern id, values Y.Maps of fields. */
export const concernsMapName = 'concerns';

const textFields = ['name', 'description', 'evidenceNotes'] as const;
/** A co-typed text field of a concern. */
export type ConcernTextField = (typeof textFields)[number];
const setFields = ['outcomeIds', 'metricIds'] as const;
/** A linked-items set of a concern. */
export type ConcernLinkField = (typeof setFields)[number];

/** How concern kinds are shown. */
export const concernKindLabels: Readonly<Record<ConcernKind, string>> = {
  issue: 'Issue',
  cohort: 'Cohort',
  locality: 'Locality',
};

function concernsMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(concernsMapName);
}

function concernFields(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = concernsMap(doc).get(id);
  return value instanceof Y.Map ? value : null;
}

function newConcernId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `c${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

function parseConcern(id: string, stored: unknown): Concern | null {
  if (!(stored instanceof Y.Map)) return null;
  const fields = stored as Y.Map<unknown>;
  const plain: Record<string, unknown> = { id };
  for (const [field, value] of fields.entries()) {
    if (value instanceof Y.Text) plain[field] = value.toString();
    // Sets are Y.Maps of member → true, read sorted so every replica shows the same list.
    else if (value instanceof Y.Map)
      plain[field] = Array.from(value.keys())
        .filter((k) => value.get(k) === true)
        .sort();
    else plain[field] = value;
  }
  const parsed = ConcernSchema.safeParse(plain);
  return parsed.success ? parsed.data : null;
}

/** Every concern that can be read, oldest first; deleted ones only when asked for. The reader prioritisation uses. */
export function readConcerns(doc: Y.Doc, options: { includeDeleted?: boolean } = {}): Concern[] {
  const concerns: Concern[] = [];
  for (const [id, stored] of concernsMap(doc).entries()) {
    const concern = parseConcern(id, stored);
    if (concern && (options.includeDeleted || concern.deletedAt === null)) concerns.push(concern);
  }
  return concerns.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** One concern; null when missing, unreadable or deleted (unless deleted ones are asked for). */
export function readConcern(doc: Y.Doc, id: string, options: { includeDeleted?: boolean } = {}): Concern | null {
  const concern = parseConcern(id, concernFields(doc, id));
  if (!concern || (concern.deletedAt !== null && !options.includeDeleted)) return null;
  return concern;
}

/** The live concerns linked to an outcome, directly or through one of `metricIds` (the outcome's metrics). */
export function concernsForOutcome(
  concerns: readonly Concern[],
  outcomeId: string,
  metricIds: readonly string[] = [],
): Concern[] {
  return concerns.filter(
    (concern) => concern.outcomeIds.includes(outcomeId) || concern.metricIds.some((id) => metricIds.includes(id)),
  );
}

/** Records a new concern and returns its id. `by` is the person's name, kept with it. */
export function addConcern(doc: Y.Doc, draft: ConcernDraft, by: string, now = new Date()): string {
  const fields = ConcernDraftSchema.parse(draft);
  const id = newConcernId();
  doc.transact(() => {
    const entity = new Y.Map<unknown>();
    concernsMap(doc).set(id, entity);
    for (const field of textFields) entity.set(field, new Y.Text(fields[field]));
    for (const field of setFields) {
      const set = new Y.Map<unknown>();
      entity.set(field, set);
      for (const member of new Set(fields[field])) set.set(member, true);
    }
    entity.set('kind', fields.kind);
    entity.set('createdAt', now.toISOString());
    entity.set('createdBy', by.slice(0, 200));
  });
  return id;
}

/** Changes a concern's texts (by minimal edits) and kind; false when there is no such concern. */
export function updateConcern(doc: Y.Doc, id: string, patch: ConcernPatch): boolean {
  const entity = concernFields(doc, id);
  if (!entity) return false;
  const fields = ConcernPatchSchema.parse(patch);
  doc.transact(() => {
    for (const field of textFields) {
      const value = fields[field];
      if (value !== undefined) setText(concernText(doc, id, field)!, value);
    }
    if (fields.kind !== undefined && entity.get('kind') !== fields.kind) entity.set('kind', fields.kind);
  });
  return true;
}

/** Links or unlinks one outcome or metric; concurrent changes to other links all survive. */
export function setConcernLink(
  doc: Y.Doc,
  id: string,
  field: ConcernLinkField,
  refId: string,
  linked: boolean,
): boolean {
  const entity = concernFields(doc, id);
  if (!entity) return false;
  doc.transact(() => {
    let set = entity.get(field);
    if (!(set instanceof Y.Map)) {
      set = new Y.Map<unknown>();
      entity.set(field, set);
    }
    const members = set as Y.Map<unknown>;
    if (linked && members.get(refId) !== true) members.set(refId, true);
    if (!linked && members.has(refId)) members.delete(refId);
  });
  return true;
}

/** Soft-deletes a concern (restore with `restoreConcern`). */
export function deleteConcern(doc: Y.Doc, id: string, by: string, now = new Date()): boolean {
  const entity = concernFields(doc, id);
  if (!entity) return false;
  doc.transact(() => {
    entity.set('deletedAt', now.toISOString());
    entity.set('deletedBy', by.slice(0, 200));
  });
  return true;
}

/** Restores a deleted concern. */
export function restoreConcern(doc: Y.Doc, id: string): boolean {
  const entity = concernFields(doc, id);
  if (!entity) return false;
  doc.transact(() => {
    entity.set('deletedAt', null);
    entity.set('deletedBy', null);
  });
  return true;
}

/** The shared text behind a concern's field, for a live text field; null when there is no such concern. */
export function concernText(doc: Y.Doc, id: string, field: ConcernTextField): Y.Text | null {
  const entity = concernFields(doc, id);
  if (!entity) return null;
  const value = entity.get(field);
  if (value instanceof Y.Text) return value;
  const replacement = new Y.Text();
  doc.transact(() => entity.set(field, replacement));
  return replacement;
}

/** Calls `listener` after every change to the concerns, saying whether it was made here; returns its stop function. */
export function observeConcerns(doc: Y.Doc, listener: (local: boolean) => void): () => void {
  const map = concernsMap(doc);
  const handle = (_events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) =>
    listener(transaction.local);
  map.observeDeep(handle);
  return () => map.unobserveDeep(handle);
}

/** The shared type holding the concerns, for an undo manager. */
export function concernsSharedTypes(doc: Y.Doc): Y.Map<unknown>[] {
  return [concernsMap(doc)];
}
