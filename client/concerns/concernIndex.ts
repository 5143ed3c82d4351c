import type * as Y from 'yjs';
import { concernsForOutcome, observeConcerns, readConcerns } from '../../shared/model/concerns/index.ts';
import { contextsForOutcome, metricContexts } from '../../shared/model/dataMapping/index.ts';
import { observeFramework, readFramework } from '../../shared/model/framework/index.ts';
import type { Concern } from '../../shared/schemas/concerns.ts';

/** The live concerns of each outcome (directly, or through its metrics), computed once for every badge on screen. */
export interface ConcernIndex {
  subscribe: (listener: () => void) => () => void;
  snapshot: () => ReadonlyMap<string, readonly Concern[]>;
}

const indexes = new WeakMap<Y.Doc, ConcernIndex>();
const empty: ReadonlyMap<string, readonly Concern[]> = new Map();

function compute(doc: Y.Doc): ReadonlyMap<string, readonly Concern[]> {
  const concerns = readConcerns(doc);
  if (concerns.length === 0) return empty;
  const framework = readFramework(doc);
  // Metric links need the framework's shape; skip reading it into contexts when no concern names a metric.
  const contexts = concerns.some((concern) => concern.metricIds.length > 0) ? metricContexts(framework) : [];
  const byOutcome = new Map<string, readonly Concern[]>();
  for (const outcome of framework.outcomes) {
    const metricIds = contexts.length > 0 ? contextsForOutcome(contexts, outcome.id).map((c) => c.metric.id) : [];
    const linked = concernsForOutcome(concerns, outcome.id, metricIds);
    if (linked.length > 0) byOutcome.set(outcome.id, linked);
  }
  return byOutcome;
}

/**
 * One index per workspace doc, shared by every `ConcernBadges`: a grid of hundreds of outcomes reads the doc once
 * per frame after a change, not once per card. It stops observing when the last badge goes.
 */
export function concernIndexFor(doc: Y.Doc): ConcernIndex {
  const existing = indexes.get(doc);
  if (existing) return existing;
  const listeners = new Set<() => void>();
  let current: ReadonlyMap<string, readonly Concern[]> | null = null;
  let frame = 0;
  let stop: (() => void) | null = null;
  const changed = (): void => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      current = compute(doc);
      for (const listener of listeners) listener();
    });
  };
  const index: ConcernIndex = {
    subscribe: (listener) => {
      listeners.add(listener);
      if (!stop) {
        const stopConcerns = observeConcerns(doc, changed);
        const stopFramework = observeFramework(doc, changed);
        stop = () => {
          stopConcerns();
          stopFramework();
        };
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0 && stop) {
          stop();
          stop = null;
          cancelAnimationFrame(frame);
          current = null;
        }
      };
    },
    snapshot: () => (current ??= compute(doc)),
  };
  indexes.set(doc, index);
  return index;
}
