import { useEffect } from 'react';

/** The performance mark the framework benchmark (bench/framework.ts) waits for. */
export const gridRenderedMark = 'framework-grid-rendered';

/**
 * Marks, once per page load, the moment the overview grid is first on screen, so the benchmark can time navigation
 * start → grid rendered from the browser's own clock. Costs nothing for people.
 */
export function useGridRenderedMark(): void {
  useEffect(() => {
    if (performance.getEntriesByName(gridRenderedMark).length === 0) performance.mark(gridRenderedMark);
  }, []);
}
