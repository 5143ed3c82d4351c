import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import {
  narrativeFragment,
  narrativeWordCount,
  observeLastEdited,
  observeNarrative,
  readLastEdited,
  type LastEdited,
} from '../../shared/model/narratives/index.ts';

/** A narrative's word count and who last edited it, kept current as anyone types. */
export function useNarrativeStats(doc: Y.Doc | null, key: string): { words: number; lastEdited: LastEdited | null } {
  const [stats, setStats] = useState<{ words: number; lastEdited: LastEdited | null }>({ words: 0, lastEdited: null });
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    // Counting on every keystroke of a long narrative is wasted work: once per frame is enough.
    const refresh = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() =>
        setStats({ words: narrativeWordCount(narrativeFragment(doc, key)), lastEdited: readLastEdited(doc, key) }),
      );
    };
    refresh();
    const stopText = observeNarrative(doc, key, refresh);
    const stopEdited = observeLastEdited(doc, refresh);
    return () => {
      cancelAnimationFrame(frame);
      stopText();
      stopEdited();
    };
  }, [doc, key]);
  return stats;
}
