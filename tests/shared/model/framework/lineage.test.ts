import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteIndicator,
  deleteMetric,
  deleteOutcome,
  readFrameworkEntities,
} from '../../../../shared/model/framework/index.ts';
import { frameworkMapNames } from '../../../../shared/model/framework/docShape.ts';
import { readFrameworkLineage } from '../../../../shared/model/framework/lineage.ts';
import { applyTemplate } from '../../../../shared/templates/applyTemplate.ts';
import { buildIndicator, buildMetric, buildOutcome } from './factories.ts';

/** What `readFrameworkEntities` says of the lineage fields, to compare with the lean read. */
function expected(doc: Y.Doc) {
  const { outcomes, indicators, metrics } = readFrameworkEntities(doc);
  return {
    outcomes: outcomes.map(({ id, templateId, statement, domain, level, order }) => ({
      id,
      templateId,
      statement,
      domain,
      level,
      order,
    })),
    indicators: indicators.map(({ id, templateId, name, outcomeIds, order }) => ({
      id,
      templateId,
      name,
      outcomeIds,
      order,
    })),
    metrics: metrics.map(({ id, templateId, name, indicatorId, order }) => ({
      id,
      templateId,
      name,
      indicatorId,
      order,
    })),
  };
}

describe('readFrameworkLineage', () => {
  it('reads what readFrameworkEntities reads of the live framework, in the same order, hiding alike', () => {
    const doc = new Y.Doc();
    applyTemplate(doc, 'common-outcomes');
    const kept = addOutcome(doc, buildOutcome({ domain: 'happy', templateId: null }));
    const gone = addOutcome(doc, buildOutcome({ domain: 'happy' }));
    // Serves only a deleted outcome: hidden, and its metric with it.
    const orphan = addIndicator(doc, buildIndicator({ outcomeIds: [gone] }));
    addMetric(doc, buildMetric(orphan));
    // Serves a deleted and a live outcome: shown, linked to the live one only.
    const both = addIndicator(doc, buildIndicator({ outcomeIds: [gone, kept], templateId: 'local.thing' }));
    const deletedMetric = addMetric(doc, buildMetric(both));
    addMetric(doc, buildMetric(both));
    // Never linked: shown as unlinked.
    addIndicator(doc, buildIndicator({ outcomeIds: [] }));
    const deletedIndicator = addIndicator(doc, buildIndicator({ outcomeIds: [kept] }));
    addMetric(doc, buildMetric(deletedIndicator));
    deleteOutcome(doc, gone, 'Test');
    deleteIndicator(doc, deletedIndicator, 'Test');
    deleteMetric(doc, deletedMetric, 'Test');
    const lineage = readFrameworkLineage(doc);
    expect(lineage).toEqual(expected(doc));
    expect(lineage.indicators.find((indicator) => indicator.id === both)?.outcomeIds).toEqual([kept]);
    expect(lineage.indicators.some((indicator) => indicator.id === orphan)).toBe(false);
  });

  it('skips entries whose compared fields are unreadable, as the full read does', () => {
    const doc = new Y.Doc();
    const outcome = addOutcome(doc, buildOutcome());
    const indicator = addIndicator(doc, buildIndicator({ outcomeIds: [outcome] }));
    addMetric(doc, buildMetric(indicator));
    doc.transact(() => {
      doc.getMap(frameworkMapNames.outcome).set('not-a-map', 'text');
      const broken = new Y.Map<unknown>();
      doc.getMap(frameworkMapNames.metric).set('broken', broken);
      broken.set('name', 'plain string, not shared text');
      broken.set('indicatorId', indicator);
      broken.set('order', 'a0');
    });
    expect(readFrameworkLineage(doc)).toEqual(expected(doc));
  });
});
