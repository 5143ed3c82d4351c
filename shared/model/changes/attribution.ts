import * as Y from 'yjs';
import type { AuthorOf } from './context.ts';

type Person = { id: string; name: string };
/** What attribution reads of a shared type: the item holding it, its map entries and its list of items. */
type SharedContent = Pick<Y.AbstractType<unknown>, '_item' | '_map' | '_start'>;

/**
 * Says who made a change in the document. `older` and `newer` are two states of the same document, so an item of
 * `newer` is new when its clock is at or past what `older`'s state vector holds for its client. Deletions leave no
 * item (a Yjs delete set carries no author), so only what was written — an entity, a field's value, a soft delete's
 * `deletedAt`, typed words — can be attributed.
 */
export class Attribution {
  readonly #before: Map<number, number>;
  readonly #authorOf: AuthorOf;

  constructor(older: Y.Doc, authorOf: AuthorOf = () => null) {
    this.#before = Y.decodeStateVector(Y.encodeStateVector(older));
    this.#authorOf = authorOf;
  }

  /** Whether an item was written after the older version. */
  isNew(item: Y.Item): boolean {
    return item.id.clock + item.length > (this.#before.get(item.id.client) ?? 0);
  }

  /** The author of the value a map holds under `key`, when it was written after the older version. */
  ofKey(map: Y.Map<unknown> | null, key: string): Person | null {
    const item = map?._map.get(key);
    return item && !item.deleted && this.isNew(item) ? this.#authorOf(item.id.client) : null;
  }

  /** The author of a shared type itself (the item that holds it), when it was created after the older version. */
  ofCreation(type: SharedContent | null): Person | null {
    const item = type?._item;
    return item && this.isNew(item) ? this.#authorOf(item.id.client) : null;
  }

  /**
   * The author of the most recent new item inside a shared type (its own entries, its text, nested types). Yjs has no
   * clock across clients, so "most recent" is read from what each new item was written against: a client whose
   * latest item another client's new item was inserted next to (its origin) wrote before that client. Of the clients
   * left (edits made concurrently), the highest client id wins, as Yjs itself breaks ties.
   */
  ofContent(types: readonly (SharedContent | null)[]): Person | null {
    const latest = new Map<number, Y.Item>();
    const references: Y.ID[] = [];
    for (const type of types) if (type) this.#collect(type, latest, references);
    if (latest.size === 0) return null;
    const superseded = new Set<number>();
    for (const reference of references) {
      const item = latest.get(reference.client);
      if (item && reference.clock >= item.id.clock) superseded.add(reference.client);
    }
    const clients = [...latest.keys()].filter((client) => !superseded.has(client));
    const chosen = Math.max(...(clients.length > 0 ? clients : [...latest.keys()]));
    return this.#authorOf(chosen);
  }

  #collect(type: SharedContent, latest: Map<number, Y.Item>, references: Y.ID[]): void {
    const visit = (item: Y.Item): void => {
      if (item.deleted) return;
      if (this.isNew(item)) {
        const known = latest.get(item.id.client);
        if (!known || known.id.clock < item.id.clock) latest.set(item.id.client, item);
        for (const id of [item.origin, item.rightOrigin]) {
          if (id && id.client !== item.id.client) references.push(id);
        }
      }
      if (item.content instanceof Y.ContentType) this.#collect(item.content.type, latest, references);
    };
    for (const item of type._map.values()) visit(item);
    for (let item = type._start; item !== null; item = item.right) visit(item);
  }
}
