import type * as Y from 'yjs';
import type { Change, ChangeDomain, ChangeEntityType, VersionFacts } from '../../schemas/cycles.ts';
import type { Attribution } from './attribution.ts';
import type { FrameworkReads } from './frameworkReads.ts';

/** One side of a comparison: the workspace document as it was, and the SQL facts stored beside it. */
export interface VersionContent {
  doc: Y.Doc;
  facts: VersionFacts;
}

/** Who a Yjs client id belongs to (the server records it when a connection first writes); null when unknown. */
export type AuthorOf = (yjsClientId: number) => { id: string; name: string } | null;

/** What every domain's comparison is given: both versions and a way to say who made a change in the document. */
export interface ComparisonContext {
  older: VersionContent;
  newer: VersionContent;
  attribution: Attribution;
  frameworks: FrameworkReads;
}

/** The entity a change is about. */
export interface ChangeEntity {
  type: ChangeEntityType;
  id: string;
  label: string;
}

/** Builds a change with the defaults most changes share (not needing attention, no field, no diff). */
export function change(
  domain: ChangeDomain,
  kind: Change['kind'],
  entity: ChangeEntity,
  parts: Pick<Change, 'before' | 'after' | 'words' | 'by'> & Partial<Pick<Change, 'field' | 'diff' | 'attention'>>,
): Change {
  const built: Change = {
    kind,
    entity,
    domain,
    before: parts.before,
    after: parts.after,
    by: parts.by,
    words: parts.words,
    attention: parts.attention ?? false,
  };
  if (parts.field !== undefined) built.field = parts.field;
  if (parts.diff !== undefined) built.diff = parts.diff;
  return built;
}

/** A person known only by the name a SQL record keeps (decisions, resolved comments): no id to give. */
export function namedPerson(name: string | null | undefined): { id: string; name: string } | null {
  return name ? { id: '', name } : null;
}

/** Text shortened for a label, at a word boundary where one is near. */
export function shorten(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}
