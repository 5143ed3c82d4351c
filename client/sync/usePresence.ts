import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { readPresence, type Presence, type PresenceActivity } from '../../shared/model/presence.ts';

const nobody: Presence[] = [];

/** Everyone present in a document (including this person), live from awareness. */
export function usePresence(awareness: Awareness | null): Presence[] {
  const cache = useRef<{ states: unknown; people: Presence[] }>({ states: null, people: nobody });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!awareness) return () => {};
      awareness.on('change', onChange);
      return () => awareness.off('change', onChange);
    },
    [awareness],
  );
  const getSnapshot = useCallback((): Presence[] => {
    if (!awareness) return nobody;
    // Awareness replaces its states map entries on change but keeps the map; compare a cheap fingerprint.
    const fingerprint = JSON.stringify([...awareness.getStates()]);
    if (fingerprint !== cache.current.states) {
      cache.current = {
        states: fingerprint,
        people: readPresence(awareness.getStates()),
      };
    }
    return cache.current.people;
  }, [awareness]);
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Publishes what this person is viewing or editing, so others can see it next to that item. */
export function useLocalActivity(awareness: Awareness | null, activity: PresenceActivity): void {
  const { viewing, editing } = activity;
  useEffect(() => {
    if (!awareness) return;
    const current = (awareness.getLocalState() ?? {}) as Record<string, unknown>;
    awareness.setLocalState({ ...current, viewing, editing });
  }, [awareness, viewing, editing]);
}
