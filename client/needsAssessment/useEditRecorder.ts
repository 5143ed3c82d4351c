import { useCallback, useEffect, useRef } from 'react';
import type * as Y from 'yjs';
import { markNarrativeEdited } from '../../shared/model/narratives/fragments.ts';
import type { PresenceUser } from '../../shared/model/presence.ts';

/** How often "last edited" is written while someone keeps typing. */
const recordEveryMs = 30_000;

/**
 * Records me as the last editor of a narrative: at my first change, then at most once per interval while I keep
 * typing (with a last write after I stop), so the record is current without a write per keystroke.
 */
export function useEditRecorder(doc: Y.Doc | null, key: string, me: PresenceUser): () => void {
  const lastWrite = useRef(0);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const write = useCallback(() => {
    pending.current = null;
    if (!doc) return;
    lastWrite.current = Date.now();
    markNarrativeEdited(doc, key, { byId: me.id, byName: me.name, at: new Date().toISOString() });
  }, [doc, key, me.id, me.name]);
  useEffect(
    () => () => {
      // Leaving the narrative: whatever is pending is written now.
      if (pending.current) {
        clearTimeout(pending.current);
        write();
      }
    },
    [write],
  );
  return useCallback(() => {
    const since = Date.now() - lastWrite.current;
    if (since >= recordEveryMs) write();
    else pending.current ??= setTimeout(write, recordEveryMs - since);
  }, [write]);
}
