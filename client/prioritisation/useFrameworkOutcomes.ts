import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeFramework, readOutcomes } from '../../shared/model/framework/index.ts';
import type { Outcome } from '../../shared/schemas/framework.ts';

const none: Outcome[] = [];

/** The framework's outcomes in grid order, live from the workspace doc (null doc: none yet). */
export function useFrameworkOutcomes(doc: Y.Doc | null): Outcome[] {
  const cache = useRef<{ doc: Y.Doc | null; changes: number; outcomes: Outcome[] }>({
    doc: null,
    changes: -1,
    outcomes: none,
  });
  const changes = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      return observeFramework(doc, () => {
        changes.current += 1;
        onChange();
      });
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    if (!doc) return none;
    if (cache.current.doc !== doc || cache.current.changes !== changes.current) {
      cache.current = { doc, changes: changes.current, outcomes: readOutcomes(doc).outcomes };
    }
    return cache.current.outcomes;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
