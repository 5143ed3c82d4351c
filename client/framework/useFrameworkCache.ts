import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { FrameworkCache, type Framework } from '../../shared/model/framework/index.ts';

const noop = (): (() => void) => () => {};

// One cache per workspace doc, shared by every screen and component reading the framework (the grid, an outcome's
// evidence, concern badges…), so a change is validated once, not once per reader. Released when the last goes.
const shared = new WeakMap<Y.Doc, { cache: FrameworkCache; holders: number }>();

function hold(doc: Y.Doc): FrameworkCache {
  const entry = shared.get(doc) ?? { cache: new FrameworkCache(doc), holders: 0 };
  entry.holders += 1;
  shared.set(doc, entry);
  return entry.cache;
}

function release(doc: Y.Doc): void {
  const entry = shared.get(doc);
  if (!entry) return;
  entry.holders -= 1;
  if (entry.holders > 0) return;
  entry.cache.dispose();
  shared.delete(doc);
}

/**
 * Follows the framework in the workspace doc for as long as the calling component is mounted. The cache is held in
 * an effect (not during render) so StrictMode's double mount does not leave an extra holder behind.
 */
export function useFrameworkCache(doc: Y.Doc | null): FrameworkCache | null {
  const [cache, setCache] = useState<FrameworkCache | null>(null);
  useEffect(() => {
    if (!doc) return;
    // The cache observes the doc while held; React state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCache(hold(doc));
    return () => {
      setCache(null);
      release(doc);
    };
  }, [doc]);
  return cache;
}

/**
 * The framework, live: a new snapshot after every local or remote change, the same object in between. Only the items a
 * change touched are validated again, so typing into a large workspace stays quick.
 */
export function useFrameworkRead(cache: FrameworkCache | null, includeDeleted = false): Framework | null {
  const subscribe = useCallback((onChange: () => void) => cache?.subscribe(onChange) ?? noop(), [cache]);
  const getSnapshot = useCallback(() => cache?.read({ includeDeleted }) ?? null, [cache, includeDeleted]);
  return useSyncExternalStore(cache ? subscribe : noop, getSnapshot);
}

/** The framework in a workspace doc, live, through the doc's shared cache (null until it is open). */
export function useLiveFramework(doc: Y.Doc | null): Framework | null {
  return useFrameworkRead(useFrameworkCache(doc));
}
