import { useEffect, useRef } from 'react';

/**
 * Calls `reload` each time the network doc's revision moves on. The first revision seen is what the first load
 * already reflects (or older), so it only sets the baseline; a null (socket down) changes nothing.
 */
export function useReloadOnRevision(revision: number | null, reload: () => void): void {
  const seen = useRef(revision);
  useEffect(() => {
    if (revision === null || revision === seen.current) return;
    const first = seen.current === null;
    seen.current = revision;
    if (!first) reload();
  }, [revision, reload]);
}
