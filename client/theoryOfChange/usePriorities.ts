import { useCallback, useRef, useSyncExternalStore } from 'react';
import { observeProjection, readPriorities } from '../../shared/model/prioritisation/projection.ts';
import { priorityOutcomeIds } from '../../shared/model/theoryOfChange/index.ts';
import { ballotsDocName } from '../../shared/protocol/docNames.ts';
import { useDoc } from '../sync/useDoc.ts';

/** The partnership's agreed priority outcomes, live from the server-written ballots projection. */
export interface Priorities {
  outcomeIds: ReadonlySet<string>;
  /** Whether the board has agreed any priority outcome yet. */
  decided: boolean;
}

const none: Priorities = { outcomeIds: new Set(), decided: false };

/**
 * Opens the ballots projection (`p:<id>:ballots`, read-only: only the server writes it) for as long as the screen is
 * shown, and reads the agreed priority outcomes from it.
 */
export function usePriorities(partnershipId: string): Priorities {
  const { session } = useDoc(ballotsDocName(partnershipId));
  const doc = session?.doc ?? null;
  const updates = useRef(0);
  const cache = useRef<{ doc: unknown; updates: number; value: Priorities }>({ doc: null, updates: -1, value: none });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      return observeProjection(doc, () => {
        updates.current += 1;
        onChange();
      });
    },
    [doc],
  );
  const getSnapshot = useCallback((): Priorities => {
    if (!doc) return none;
    if (cache.current.doc !== doc || cache.current.updates !== updates.current) {
      const outcomeIds = priorityOutcomeIds(readPriorities(doc));
      cache.current = { doc, updates: updates.current, value: { outcomeIds, decided: outcomeIds.size > 0 } };
    }
    return cache.current.value;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
