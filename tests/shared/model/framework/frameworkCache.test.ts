import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  FrameworkCache,
  addIndicator,
  addMetric,
  addOutcome,
  deleteIndicator,
  deleteMetric,
  deleteOutcome,
  linkIndicator,
  moveMetric,
  moveOutcome,
  outcomeText,
  readFramework,
  restoreOutcome,
  setOutcomeAgeStage,
  unlinkIndicator,
  updateMetric,
  type Framework,
} from '../../../../shared/model/framework/index.ts';
import { frameworkMapNames } from '../../../../shared/model/framework/docShape.ts';
import { buildIndicator, buildMetric, buildOutcome, seedFramework, sync } from './factories.ts';

/** The same read with problems in a fixed order (map iteration order is not part of the contract). */
function comparable(framework: Framework): Framework {
  return { ...framework, problems: [...framework.problems].sort((a, b) => a.id.localeCompare(b.id)) };
}

function expectSameAsFullRead(cache: FrameworkCache, doc: Y.Doc): void {
  expect(comparable(cache.read())).toEqual(comparable(readFramework(doc)));
  expect(comparable(cache.read({ includeDeleted: true }))).toEqual(
    comparable(readFramework(doc, { includeDeleted: true })),
  );
}

type Step = (doc: Y.Doc, random: prng.PRNG) => void;

const pick = <T>(random: prng.PRNG, items: readonly T[]): T | undefined =>
  items.length === 0 ? undefined : items[prng.uint32(random, 0, items.length - 1)];

const steps: Step[] = [
  (doc) => void addOutcome(doc, buildOutcome()),
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) addIndicator(doc, buildIndicator({ outcomeIds: [outcome.id] }));
  },
  (doc, random) => {
    const indicator = pick(random, readFramework(doc).indicators);
    if (indicator) addMetric(doc, buildMetric(indicator.id));
  },
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) outcomeText(doc, outcome.id, 'description')?.insert(0, 'More: ');
  },
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) setOutcomeAgeStage(doc, outcome.id, '5-11', !outcome.ageStages.includes('5-11'));
  },
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) moveOutcome(doc, outcome.id, { domain: 'happy', index: 0 });
  },
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) deleteOutcome(doc, outcome.id, 'Tester');
  },
  (doc, random) => {
    const deleted = readFramework(doc, { includeDeleted: true }).outcomes.filter((o) => o.deletedAt !== null);
    const outcome = pick(random, deleted);
    if (outcome) restoreOutcome(doc, outcome.id);
  },
  (doc, random) => {
    const { indicators, outcomes } = readFramework(doc);
    const [indicator, outcome] = [pick(random, indicators), pick(random, outcomes)];
    if (indicator && outcome) {
      if (indicator.outcomeIds.includes(outcome.id)) unlinkIndicator(doc, indicator.id, outcome.id);
      else linkIndicator(doc, indicator.id, outcome.id);
    }
  },
  (doc, random) => {
    const indicator = pick(random, readFramework(doc).indicators);
    if (indicator) deleteIndicator(doc, indicator.id, 'Tester');
  },
  (doc, random) => {
    const { metrics, indicators } = readFramework(doc);
    const [metric, indicator] = [pick(random, metrics), pick(random, indicators)];
    if (metric && indicator) moveMetric(doc, metric.id, { indicatorId: indicator.id, index: 0 });
  },
  (doc, random) => {
    const metric = pick(random, readFramework(doc).metrics);
    if (metric) {
      if (prng.bool(random)) deleteMetric(doc, metric.id, 'Tester');
      else updateMetric(doc, metric.id, { unit: 'rate', polarity: 'lower-is-better' });
    }
  },
  // Content no model function would write: the cache must report it exactly as a full read does.
  (doc, random) => {
    const outcome = pick(random, readFramework(doc).outcomes);
    if (outcome) doc.getMap<Y.Map<unknown>>(frameworkMapNames.outcome).get(outcome.id)?.set('domain', 'wealthy');
  },
  (doc, random) => {
    const metric = pick(random, readFramework(doc).metrics);
    if (metric) doc.getMap(frameworkMapNames.metric).delete(metric.id);
  },
];

describe('FrameworkCache', () => {
  it('reads what a full read reads, after every local and remote change (seeded random edits, two replicas)', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = prng.create(seed);
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      seedFramework(a);
      sync(a, b);
      const cache = new FrameworkCache(b);
      expectSameAsFullRead(cache, b);
      for (let i = 0; i < 60; i++) {
        const doc = prng.bool(random) ? a : b;
        pick(random, steps)!(doc, random);
        if (prng.uint32(random, 0, 2) === 0) sync(a, b);
        expectSameAsFullRead(cache, b);
      }
      cache.dispose();
    }
  });

  it('returns the same object until the framework changes, so React can use it as a snapshot', () => {
    const doc = new Y.Doc();
    seedFramework(doc);
    const cache = new FrameworkCache(doc);
    const first = cache.read();
    expect(cache.read()).toBe(first);
    doc.getMap('profile').set('unrelated', 'change');
    expect(cache.read()).toBe(first);
    addOutcome(doc, buildOutcome());
    expect(cache.read()).not.toBe(first);
    expect(cache.read().outcomes).toHaveLength(first.outcomes.length + 1);
  });

  it('tells subscribers after it has taken note of a change, so what they read is current', () => {
    const doc = new Y.Doc();
    const cache = new FrameworkCache(doc);
    const seen: number[] = [];
    const stop = cache.subscribe(() => seen.push(cache.read().outcomes.length));
    addOutcome(doc, buildOutcome());
    addOutcome(doc, buildOutcome());
    stop();
    addOutcome(doc, buildOutcome());
    expect(seen).toEqual([1, 2]);
  });

  it('stops following the doc once disposed', () => {
    const doc = new Y.Doc();
    const cache = new FrameworkCache(doc);
    cache.dispose();
    addOutcome(doc, buildOutcome());
    expect(cache.read().outcomes).toEqual([]);
  });
});
