import * as Y from 'yjs';
import type { Change } from '../../schemas/cycles.ts';
import type { Concern } from '../../schemas/concerns.ts';
import { concernsSharedTypes, readConcerns } from '../concerns/concerns.ts';
import type { ComparisonContext } from './context.ts';
import { byId, presenceChanges } from './presence.ts';

function concernLabel(concern: Concern): string {
  return concern.name.trim() === '' ? 'Untitled concern' : concern.name.trim();
}

function concernFields(doc: Y.Doc, id: string): Y.Map<unknown> | null {
  const value = concernsSharedTypes(doc)[0]?.get(id);
  return value instanceof Y.Map ? (value as Y.Map<unknown>) : null;
}

/** Concerns raised (added, or restored) and closed (deleted). */
export function concernChanges(context: ComparisonContext): Change[] {
  return presenceChanges(context, {
    domain: 'concerns',
    type: 'concern',
    before: byId(readConcerns(context.older.doc)),
    after: byId(readConcerns(context.newer.doc)),
    stored: byId(readConcerns(context.newer.doc, { includeDeleted: true })),
    label: concernLabel,
    fields: concernFields,
    words: { added: 'Raised', restored: 'Raised again', deleted: 'Closed', hidden: 'Closed' },
  });
}
