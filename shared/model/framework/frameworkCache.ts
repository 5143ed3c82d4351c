import * as Y from 'yjs';
import type { Indicator, Metric, Outcome } from '../../schemas/framework.ts';
import { entityMap, frameworkSharedTypes, type EntityKind } from './docShape.ts';
import { assembleFrameworkEntities, readStoredFramework, type ReadOptions, type StoredFramework } from './entities.ts';
import { parseEntity, type FrameworkProblem } from './readEntities.ts';
import { frameworkFromEntities, type Framework } from './readFramework.ts';

type Parsed = { ok: true; value: Outcome | Indicator | Metric } | { ok: false; problem: FrameworkProblem };

const kinds: readonly EntityKind[] = ['outcome', 'indicator', 'metric'];

/**
 * Reads the framework as `readFramework` does, but keeps every validated entity between reads and re-validates only
 * the entities a change touched. Validating a large workspace whole takes tens of milliseconds — too slow to repeat on
 * every keystroke someone types into a description — while putting the read together from kept entities is cheap.
 * Call `dispose` when done with it.
 */
export class FrameworkCache {
  readonly #doc: Y.Doc;
  readonly #entries: Record<EntityKind, Map<string, Parsed>>;
  readonly #dirty: Record<EntityKind, Set<string>> = { outcome: new Set(), indicator: new Set(), metric: new Set() };
  readonly #types: Y.Map<unknown>[];
  // Keyed by the top-level map of each kind (object identity).
  readonly #kindOf = new Map<object, EntityKind>();
  readonly #listeners = new Set<() => void>();
  #stored: StoredFramework | null = null;
  #reads = new Map<string, Framework>();

  constructor(doc: Y.Doc) {
    this.#doc = doc;
    this.#entries = { outcome: new Map(), indicator: new Map(), metric: new Map() };
    const stored = readStoredFramework(doc);
    for (const kind of kinds) {
      for (const item of stored[kind].items) this.#entries[kind].set(item.id, { ok: true, value: item });
      for (const problem of stored[kind].problems) this.#entries[kind].set(problem.id, { ok: false, problem });
    }
    this.#types = frameworkSharedTypes(doc);
    for (const kind of kinds) this.#kindOf.set(entityMap(doc, kind), kind);
    this.#types.forEach((type) => type.observeDeep(this.#handleChange));
  }

  /** The framework now; the same object until the framework changes, so it can serve as a React snapshot. */
  read(options: ReadOptions = {}): Framework {
    this.#refresh();
    const key = options.includeDeleted ? 'all' : 'live';
    let framework = this.#reads.get(key);
    if (!framework) {
      framework = frameworkFromEntities(assembleFrameworkEntities(this.#stored!, options));
      this.#reads.set(key, framework);
    }
    return framework;
  }

  /**
   * Calls `listener` after each change to the framework, once the cache has taken note of it (so a `read` from the
   * listener sees the change, whatever order observers of the doc run in). Returns a function that stops it.
   */
  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Stops following the doc. */
  dispose(): void {
    this.#types.forEach((type) => type.unobserveDeep(this.#handleChange));
    this.#listeners.clear();
  }

  readonly #handleChange = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      const top = event.path.length === 0 ? event.target : null;
      if (top) {
        const kind = this.#kindOf.get(top);
        if (kind) for (const id of event.keys.keys()) this.#dirty[kind].add(id);
        continue;
      }
      // A change inside an entity (a field, a text, a set member): the path starts at its id in its kind's map.
      const id = event.path[0];
      const kind = this.#kindOfEvent(event);
      if (kind && typeof id === 'string') this.#dirty[kind].add(id);
    }
    this.#stored = null;
    this.#reads.clear();
    for (const listener of this.#listeners) listener();
  };

  #kindOfEvent(event: Y.YEvent<Y.AbstractType<unknown>>): EntityKind | null {
    let type: object | null = event.target;
    while (type instanceof Y.AbstractType && !this.#kindOf.has(type)) type = type.parent;
    return type ? (this.#kindOf.get(type) ?? null) : null;
  }

  #refresh(): void {
    if (this.#stored) return;
    for (const kind of kinds) {
      const map = entityMap(this.#doc, kind);
      for (const id of this.#dirty[kind]) {
        if (!map.has(id)) {
          this.#entries[kind].delete(id);
          continue;
        }
        const parsed = parseEntity(kind, id, map.get(id));
        this.#entries[kind].set(
          id,
          parsed.ok ? { ok: true, value: parsed.value } : { ok: false, problem: { kind, id, reason: parsed.reason } },
        );
      }
      this.#dirty[kind].clear();
    }
    const read = <T>(kind: EntityKind) => {
      const items: T[] = [];
      const problems: FrameworkProblem[] = [];
      for (const entry of this.#entries[kind].values()) {
        if (entry.ok) items.push(entry.value as T);
        else problems.push(entry.problem);
      }
      return { items, problems };
    };
    this.#stored = {
      outcome: read<Outcome>('outcome'),
      indicator: read<Indicator>('indicator'),
      metric: read<Metric>('metric'),
    };
  }
}
