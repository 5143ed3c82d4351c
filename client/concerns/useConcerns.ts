import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeConcerns, readConcerns } from '../../shared/model/concerns/index.ts';
import type { Concern } from '../../shared/schemas/concerns.ts';

/** The partnership's concerns, live (deleted ones too when asked, for restoring). */
export function useConcerns(doc: Y.Doc | null, includeDeleted = false): Concern[] {
  const [concerns, setConcerns] = useState<Concern[]>([]);
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    // This person's own change shows at once (a controlled select or checkbox must not flick back); others' changes
    // are read at most once a frame.
    const refresh = (local = false): void => {
      cancelAnimationFrame(frame);
      if (local) setConcerns(readConcerns(doc, { includeDeleted }));
      else frame = requestAnimationFrame(() => setConcerns(readConcerns(doc, { includeDeleted })));
    };
    refresh();
    const stop = observeConcerns(doc, refresh);
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [doc, includeDeleted]);
  return concerns;
}
