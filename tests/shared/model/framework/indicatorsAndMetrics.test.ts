import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addIndicator,
  addMetric,
  deleteIndicator,
  deleteMetric,
  deleteOutcome,
  indicatorText,
  indicatorsForOutcome,
  linkIndicator,
  metricText,
  metricsForIndicator,
  metricsForOutcome,
  moveIndicator,
  moveMetric,
  readFramework,
  readIndicator,
  readMetric,
  restoreIndicator,
  restoreOutcome,
  setMetricBreakdown,
  unlinkIndicator,
  unlinkedIndicators,
  updateIndicator,
  updateMetric,
} from '../../../../shared/model/framework/index.ts';
import { buildIndicator, buildMetric, seedFramework } from './factories.ts';

describe('indicators', () => {
  it('serves several outcomes and is listed under each', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators } = seedFramework(doc);
    const framework = readFramework(doc);
    expect(indicatorsForOutcome(framework, outcomes[0]!).map((i) => i.id)).toEqual([indicators[0]]);
    expect(indicatorsForOutcome(framework, outcomes[2]!).map((i) => i.id)).toEqual([indicators[0]]);
    expect(framework.outcomes.find((o) => o.id === outcomes[0])).toMatchObject({ indicatorCount: 1, metricCount: 2 });
  });

  it('links and unlinks outcomes; an indicator serving none is listed as unlinked', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators } = seedFramework(doc);
    expect(linkIndicator(doc, indicators[1]!, outcomes[2]!)).toBe(true);
    expect(readIndicator(doc, indicators[1]!)?.outcomeIds.sort()).toEqual([outcomes[1], outcomes[2]].sort());
    unlinkIndicator(doc, indicators[1]!, outcomes[1]!);
    unlinkIndicator(doc, indicators[1]!, outcomes[2]!);
    expect(unlinkedIndicators(readFramework(doc)).map((i) => i.id)).toEqual([indicators[1]]);
    expect(linkIndicator(doc, indicators[1]!, 'no-such-outcome')).toBe(false);
  });

  it('deleting an outcome keeps indicators that serve another outcome, and hides those that served only it', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators, metrics } = seedFramework(doc);
    deleteOutcome(doc, outcomes[0]!, 'user-1');
    deleteOutcome(doc, outcomes[1]!, 'user-1');
    expect(readIndicator(doc, indicators[0]!)?.outcomeIds).toEqual([outcomes[2]]);
    expect(readIndicator(doc, indicators[1]!)).toBeNull();
    expect(readMetric(doc, metrics[2]!)).toBeNull();
    restoreOutcome(doc, outcomes[1]!);
    expect(readIndicator(doc, indicators[1]!)?.outcomeIds).toEqual([outcomes[1]]);
    expect(readMetric(doc, metrics[2]!)).not.toBeNull();
  });

  it('reorders within one outcome’s list', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators } = seedFramework(doc);
    const third = addIndicator(doc, buildIndicator({ outcomeIds: [outcomes[0]!] }));
    moveIndicator(doc, third, { outcomeId: outcomes[0]!, index: 0 });
    expect(indicatorsForOutcome(readFramework(doc), outcomes[0]!).map((i) => i.id)).toEqual([third, indicators[0]]);
  });

  it("lists an outcome's metrics in the order its page shows them: by indicator, then within each indicator", () => {
    const doc = new Y.Doc();
    const { outcomes, indicators, metrics } = seedFramework(doc);
    // A metric added later to a new indicator that is then moved first on the outcome comes first.
    const third = addIndicator(doc, buildIndicator({ outcomeIds: [outcomes[0]!] }));
    const late = addMetric(doc, buildMetric(third));
    moveIndicator(doc, third, { outcomeId: outcomes[0]!, index: 0 });
    const framework = readFramework(doc);
    expect(metricsForOutcome(framework, outcomes[0]!).map((m) => m.id)).toEqual([
      late,
      ...metricsForIndicator(framework, indicators[0]!).map((m) => m.id),
    ]);
    expect(metricsForOutcome(framework, outcomes[0]!)).not.toContainEqual(expect.objectContaining({ id: metrics[2] }));
  });

  it('updates name and definition through the shared text', () => {
    const doc = new Y.Doc();
    const { indicators } = seedFramework(doc);
    updateIndicator(doc, indicators[0]!, { name: 'Injuries at home', scope: 'core' });
    indicatorText(doc, indicators[0]!, 'definition')!.insert(0, 'Counted by HES. ');
    expect(readIndicator(doc, indicators[0]!)).toMatchObject({ name: 'Injuries at home', scope: 'core' });
    expect(readIndicator(doc, indicators[0]!)?.definition).toMatch(/^Counted by HES\. /);
  });

  it('deleting an indicator hides its metrics until it is restored', () => {
    const doc = new Y.Doc();
    const { indicators, metrics } = seedFramework(doc);
    deleteIndicator(doc, indicators[0]!, 'user-1');
    expect(readFramework(doc).metrics.map((m) => m.id)).toEqual([metrics[2]]);
    restoreIndicator(doc, indicators[0]!);
    expect(readFramework(doc).metrics).toHaveLength(3);
  });
});

describe('metrics', () => {
  it('moves a metric to another indicator at a position', () => {
    const doc = new Y.Doc();
    const { indicators, metrics } = seedFramework(doc);
    expect(moveMetric(doc, metrics[1]!, { indicatorId: indicators[1]!, index: 0 })).toBe(true);
    const framework = readFramework(doc);
    expect(metricsForIndicator(framework, indicators[0]!).map((m) => m.id)).toEqual([metrics[0]]);
    expect(metricsForIndicator(framework, indicators[1]!).map((m) => m.id)).toEqual([metrics[1], metrics[2]]);
    expect(moveMetric(doc, metrics[1]!, { indicatorId: 'no-such-indicator' })).toBe(false);
  });

  it('updates plain fields and breakdowns, and soft-deletes', () => {
    const doc = new Y.Doc();
    const { metrics } = seedFramework(doc);
    updateMetric(doc, metrics[0]!, { unit: '%', polarity: 'higher-is-better', fingertipsId: '90631' });
    setMetricBreakdown(doc, metrics[0]!, 'Ethnicity', true);
    setMetricBreakdown(doc, metrics[0]!, 'Sex', false);
    metricText(doc, metrics[0]!, 'name')!.insert(0, '% ');
    expect(readMetric(doc, metrics[0]!)).toMatchObject({
      unit: '%',
      polarity: 'higher-is-better',
      fingertipsId: '90631',
      breakdowns: ['Ethnicity', 'Ward or locality'],
    });
    expect(readMetric(doc, metrics[0]!)?.name).toMatch(/^% /);
    deleteMetric(doc, metrics[0]!, 'user-1');
    expect(readMetric(doc, metrics[0]!)).toBeNull();
  });

  it('refuses a metric for an indicator that does not exist', () => {
    const doc = new Y.Doc();
    expect(() => addMetric(doc, buildMetric('missing'))).toThrow(/No indicator/);
  });
});
