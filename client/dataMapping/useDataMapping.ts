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
    const refresh = (): void => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setMappings(readDataMapping(doc).byMetric));
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
