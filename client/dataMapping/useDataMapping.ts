import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { observeDataMapping, readDataMapping } from '../../shared/model/dataMapping/index.ts';
import type { MetricDataMapping } from '../../shared/schemas/dataMapping.ts';

const none: ReadonlyMap<string, MetricDataMapping> = new Map();

/** Every metric's data mapping from the workspace doc, read again (at most once a frame) after every change. */
export function useDataMapping(doc: Y.Doc | null): ReadonlyMap<string, MetricDataMapping> {
  const [mappings, setMappings] = useState<ReadonlyMap<string, MetricDataMapping>>(none);
  useEffect(() => {
    if (!doc) return;
    let frame = 0;
    // This person's own change shows at once (a controlled select or checkbox must not flick back); others' changes
    // are read at most once a frame.
    const refresh = (local = false): void => {
      cancelAnimationFrame(frame);
      if (local) setMappings(readDataMapping(doc).byMetric);
      else frame = requestAnimationFrame(() => setMappings(readDataMapping(doc).byMetric));
    };
    refresh();
    const stop = observeDataMapping(doc, refresh);
    return () => {
      cancelAnimationFrame(frame);
      stop();
    };
  }, [doc]);
  return mappings;
}
