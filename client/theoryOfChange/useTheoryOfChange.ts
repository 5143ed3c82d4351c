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

interface Cache {
  doc: Y.Doc | null;
  frameworkChanges: number;
  offerChanges: number;
  framework: Framework | null;
  value: TheoryOfChangeSnapshot | null;
}

/**
 * The framework and the offer with its links, live: re-read after every local or remote change (links show "outcome
 * removed" as soon as someone deletes an outcome). The framework is re-read only when it changes, not on every
 * keystroke in a mechanism, so typing stays quick in a large workspace. Snapshots are stable between changes.
 */
export function useTheoryOfChange(doc: Y.Doc | null): TheoryOfChangeSnapshot | null {
  const changes = useRef({ framework: 0, offer: 0 });
  const cache = useRef<Cache>({ doc: null, frameworkChanges: -1, offerChanges: -1, framework: null, value: null });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const stopFramework = observeFramework(doc, () => {
        changes.current.framework += 1;
        onChange();
      });
      const stopOffer = observeTheoryOfChange(doc, () => {
        changes.current.offer += 1;
        onChange();
      });
      return () => {
        stopFramework();
        stopOffer();
      };
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    if (!doc) return null;
    const current = cache.current;
    const { framework: frameworkChanges, offer: offerChanges } = changes.current;
    const sameDoc = current.doc === doc;
    if (sameDoc && current.frameworkChanges === frameworkChanges && current.offerChanges === offerChanges) {
      return current.value;
    }
    const framework =
      sameDoc && current.framework && current.frameworkChanges === frameworkChanges
        ? current.framework
        : readFramework(doc);
    cache.current = {
      doc,
      frameworkChanges,
      offerChanges,
      framework,
      value: { framework, theoryOfChange: readTheoryOfChange(doc, framework) },
    };
    return cache.current.value;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
