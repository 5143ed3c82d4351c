import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { FrameworkCache, type Framework } from '../../shared/model/framework/index.ts';

const noop = (): (() => void) => () => {};

/**
 * Follows the framework in the workspace doc for as long as the calling screen is mounted. The cache is created in an
 * effect (not during render) so StrictMode's double mount does not leave a second one observing the doc.
 */
export function useFrameworkCache(doc: Y.Doc | null): FrameworkCache | null {
  const [cache, setCache] = useState<FrameworkCache | null>(null);
  useEffect(() => {
    if (!doc) return;
    const created = new FrameworkCache(doc);
    // The cache observes the doc for this effect's lifetime; React state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setCache(created);
    return () => {
      setCache(null);
      created.dispose();
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
