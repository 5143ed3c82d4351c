import type * as Y from 'yjs';
import { readFrameworkEntities, type FrameworkEntities } from '../framework/entities.ts';
import { frameworkFromEntities, type Framework } from '../framework/readFramework.ts';

/**
 * The framework of each compared document, read once: every domain's comparison needs it (labels, which metrics are
 * live, what a link points at), and reading a large framework is most of a comparison's cost.
 */
export class FrameworkReads {
  readonly #live = new WeakMap<Y.Doc, FrameworkEntities>();
  readonly #all = new WeakMap<Y.Doc, FrameworkEntities>();
  readonly #grouped = new WeakMap<Y.Doc, Framework>();

  /** What people see: deleted entities, and those hidden with them, left out. */
  live(doc: Y.Doc): FrameworkEntities {
    return remembered(this.#live, doc, () => readFrameworkEntities(doc));
  }

  /** Everything stored, deleted entities included. */
  all(doc: Y.Doc): FrameworkEntities {
    return remembered(this.#all, doc, () => readFrameworkEntities(doc, { includeDeleted: true }));
  }

  /** The live framework grouped as `readFramework` gives it. */
  framework(doc: Y.Doc): Framework {
    return remembered(this.#grouped, doc, () => frameworkFromEntities(this.live(doc)));
  }
}

function remembered<T>(cache: WeakMap<Y.Doc, T>, doc: Y.Doc, read: () => T): T {
  const known = cache.get(doc);
  if (known !== undefined) return known;
  const value = read();
  cache.set(doc, value);
  return value;
}
