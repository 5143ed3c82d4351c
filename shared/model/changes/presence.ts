import type * as Y from 'yjs';
import type { Change, ChangeDomain, ChangeEntityType } from '../../schemas/cycles.ts';
import { change, type ComparisonContext } from './context.ts';

/** How one kind of document entity is compared for being there or not. */
export interface PresenceKind<T extends { id: string; deletedAt: string | null }> {
  domain: ChangeDomain;
  type: ChangeEntityType;
  /** What people see in each version, by id. */
  before: ReadonlyMap<string, T>;
  after: ReadonlyMap<string, T>;
  /** Every stored entity of the newer version, deleted ones included, to tell a delete from a hide. */
  stored: ReadonlyMap<string, T>;
  label: (entity: T) => string;
  /** The entity's field map in a document, for attribution. */
  fields: (doc: Y.Doc, id: string) => Y.Map<unknown> | null;
  words: { added: string; restored: string; deleted: string; hidden: string };
}

/**
 * Entities added (created, or restored from a soft delete) and removed (soft-deleted, or hidden with what they belong
 * to). A creation is attributed to whoever created the entity, a restore or a soft delete to whoever wrote its
 * `deletedAt`; a hide wrote nothing of the entity's own, so it is not attributed.
 */
export function presenceChanges<T extends { id: string; deletedAt: string | null }>(
  context: ComparisonContext,
  kind: PresenceKind<T>,
): Change[] {
  const { attribution } = context;
  const changes: Change[] = [];
  for (const [id, entity] of kind.after) {
    if (kind.before.has(id)) continue;
    const fields = kind.fields(context.newer.doc, id);
    const restored = kind.fields(context.older.doc, id) !== null;
    changes.push(
      change(
        kind.domain,
        'added',
        { type: kind.type, id, label: kind.label(entity) },
        {
          before: null,
          after: kind.label(entity),
          words: restored ? kind.words.restored : kind.words.added,
          by: restored ? attribution.ofKey(fields, 'deletedAt') : attribution.ofCreation(fields),
        },
      ),
    );
  }
  for (const [id, entity] of kind.before) {
    if (kind.after.has(id)) continue;
    const deleted = (kind.stored.get(id)?.deletedAt ?? null) !== null;
    changes.push(
      change(
        kind.domain,
        'removed',
        { type: kind.type, id, label: kind.label(entity) },
        {
          before: kind.label(entity),
          after: null,
          words: deleted ? kind.words.deleted : kind.words.hidden,
          by: deleted ? attribution.ofKey(kind.fields(context.newer.doc, id), 'deletedAt') : null,
        },
      ),
    );
  }
  return changes;
}

/** Entities by id. */
export function byId<T extends { id: string }>(entities: readonly T[]): Map<string, T> {
  return new Map(entities.map((entity) => [entity.id, entity]));
}
