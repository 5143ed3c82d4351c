import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { observeFramework, readFramework, type Framework } from '../../shared/model/framework/index.ts';
import {
  observeTheoryOfChange,
  readTheoryOfChange,
  type TheoryOfChange,
} from '../../shared/model/theoryOfChange/index.ts';

/** The framework and the theory of change read together, as one snapshot. */
export interface TheoryOfChangeSnapshot {
  framework: Framework;
  theoryOfChange: TheoryOfChange;
}

/**
 * The framework and the offer with its links, live: re-read after every local or remote change to either (links
 * show "outcome removed" as soon as someone deletes an outcome). Reads are cached per change, so React sees a stable
 * snapshot between changes.
 */
export function useTheoryOfChange(doc: Y.Doc | null): TheoryOfChangeSnapshot | null {
  const changes = useRef(0);
  const cache = useRef<{ doc: Y.Doc | null; changes: number; value: TheoryOfChangeSnapshot | null }>({
    doc: null,
    changes: -1,
    value: null,
  });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const handle = (): void => {
        changes.current += 1;
        onChange();
      };
      const stopFramework = observeFramework(doc, handle);
      const stopTheoryOfChange = observeTheoryOfChange(doc, handle);
      return () => {
        stopFramework();
        stopTheoryOfChange();
      };
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    if (!doc) return null;
    if (cache.current.doc !== doc || cache.current.changes !== changes.current) {
      const framework = readFramework(doc);
      cache.current = {
        doc,
        changes: changes.current,
        value: { framework, theoryOfChange: readTheoryOfChange(doc, framework) },
      };
    }
    return cache.current.value;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
