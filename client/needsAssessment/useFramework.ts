import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeFramework, readFramework, type Framework } from '../../shared/model/framework/index.ts';

/** The framework in the workspace doc, read again (at most once per frame) after every change to it. */
export function useFramework(doc: Y.Doc | null): Framework | null {
  const [framework, setFramework] = useState<Framework | null>(null);
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    const refresh = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setFramework(readFramework(doc)));
    };
    refresh();
    const stop = observeFramework(doc, refresh);
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [doc]);
  return framework;
}
