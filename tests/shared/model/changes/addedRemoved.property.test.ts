import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareVersions } from '../../../../shared/model/changes/index.ts';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteIndicator,
  deleteMetric,
  deleteOutcome,
  readFrameworkEntities,
  restoreIndicator,
  restoreOutcome,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../framework/factories.ts';
import { snapshot } from './helpers.ts';

type EditKind =
  | 'add-outcome'
  | 'delete-outcome'
  | 'restore-outcome'
  | 'reword-outcome'
  | 'add-indicator'
  | 'delete-indicator'
  | 'restore-indicator'
  | 'add-metric'
  | 'delete-metric';

interface Edit {
  kind: EditKind;
  /** Which of the candidates the edit picks, modulo how many there are. */
  pick: number;
  words: string;
}

const editArbitrary: fc.Arbitrary<Edit> = fc.record({
  kind: fc.constantFrom<EditKind>(
    'add-outcome',
    'delete-outcome',
    'restore-outcome',
    'reword-outcome',
    'add-indicator',
    'delete-indicator',
    'restore-indicator',
    'add-metric',
    'delete-metric',
  ),
  pick: fc.nat(),
  words: fc.constantFrom('Children', 'are', 'safe', 'healthy', 'at', 'home', 'and', 'school'),
});

function chosen<T>(items: readonly T[], pick: number): T | undefined {
  return items.length === 0 ? undefined : items[pick % items.length];
}

/** Applies one edit through the model's own write functions; an edit with nothing to act on does nothing. */
function apply(doc: Y.Doc, edit: Edit): void {
  const live = readFrameworkEntities(doc);
  const all = readFrameworkEntities(doc, { includeDeleted: true });
  const deletedOutcomes = all.outcomes.filter((outcome) => outcome.deletedAt !== null);
  const deletedIndicators = all.indicators.filter((indicator) => indicator.deletedAt !== null);
  const outcome = chosen(live.outcomes, edit.pick);
  const indicator = chosen(live.indicators, edit.pick);
  switch (edit.kind) {
    case 'add-outcome':
      addOutcome(doc, buildOutcome({ statement: edit.words }));
      break;
    case 'delete-outcome':
      if (outcome) deleteOutcome(doc, outcome.id, 'Ann');
      break;
    case 'restore-outcome': {
      const target = chosen(deletedOutcomes, edit.pick);
      if (target) restoreOutcome(doc, target.id);
      break;
    }
    case 'reword-outcome':
      if (outcome) updateOutcome(doc, outcome.id, { statement: `${outcome.statement} ${edit.words}` });
      break;
    case 'add-indicator':
      addIndicator(doc, buildIndicator({ outcomeIds: outcome ? [outcome.id] : [] }));
      break;
    case 'delete-indicator':
      if (indicator) deleteIndicator(doc, indicator.id, 'Ann');
      break;
    case 'restore-indicator': {
      const target = chosen(deletedIndicators, edit.pick);
      if (target) restoreIndicator(doc, target.id);
      break;
    }
    case 'add-metric':
      if (indicator) addMetric(doc, buildMetric(indicator.id));
      break;
    case 'delete-metric': {
      const metric = chosen(live.metrics, edit.pick);
      if (metric) deleteMetric(doc, metric.id, 'Ann');
      break;
    }
  }
}

function liveIds(doc: Y.Doc): Set<string> {
  const { outcomes, indicators, metrics } = readFrameworkEntities(doc);
  return new Set([...outcomes, ...indicators, ...metrics].map((entity) => `${entity.id}`));
}

describe('additions and removals', () => {
  it('turn the older version’s entities into the newer one’s, for any edits', () => {
    fc.assert(
      fc.property(
        fc.array(editArbitrary, { maxLength: 15 }),
        fc.array(editArbitrary, { maxLength: 25 }),
        (before, between) => {
          const doc = new Y.Doc();
          for (const edit of before) apply(doc, edit);
          const older = snapshot(doc);
          for (const edit of between) apply(doc, edit);
          const newer = snapshot(doc);
          const framework = compareVersions(older, newer).changes.filter((change) => change.domain === 'framework');
          const added = framework.filter((change) => change.kind === 'added').map((change) => change.entity.id);
          const removed = framework.filter((change) => change.kind === 'removed').map((change) => change.entity.id);
          expect(new Set(added).size).toBe(added.length);
          expect(new Set(removed).size).toBe(removed.length);
          const result = liveIds(older.doc);
          for (const id of removed) expect(result.delete(id)).toBe(true);
          for (const id of added) {
            expect(result.has(id)).toBe(false);
            result.add(id);
          }
          expect([...result].sort()).toEqual([...liveIds(newer.doc)].sort());
        },
      ),
      { numRuns: 60 },
    );
  });
});
