import { useEffect, useState } from 'react';
import type * as Y from 'yjs';

/** A number that changes (at most once per frame) whenever the doc changes, to recompute what is derived from it. */
export function useDocVersion(doc: Y.Doc | null): number {
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const handle = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setVersion((v) => v + 1));
    };
    doc.on('update', handle);
    return () => {
      cancelAnimationFrame(frame);
      doc.off('update', handle);
    };
  }, [doc]);
  return version;
}
