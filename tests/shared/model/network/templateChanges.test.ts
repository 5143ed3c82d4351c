import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFrameworkEntities } from '../../../../shared/model/framework/entities.ts';
import { addIndicator, deleteIndicator } from '../../../../shared/model/framework/indicators.ts';
import { addMetric } from '../../../../shared/model/framework/metrics.ts';
import { addOutcome, deleteOutcome } from '../../../../shared/model/framework/outcomes.ts';
import { networkTemplateAt } from '../../../../shared/model/network/networkTemplate.ts';
import { adoptTemplateChange, templateChangeProblem } from '../../../../shared/model/network/templateChanges.ts';
import type { TemplateChange } from '../../../../shared/schemas/networks.ts';

const template = networkTemplateAt([]);
const context = { partnershipId: 'riverside', template };

function buildChange(overrides: Partial<TemplateChange> & Pick<TemplateChange, 'kind'>): TemplateChange {
  const common = { id: '00000000-0000-4000-8000-000000000001', sourceEntities: [] };
  const defaults: Record<TemplateChange['kind'], object> = {
    'add-outcome': {
      templateId: 'net.t.v1.1',
      domain: 'safe',
      level: 'child',
      statement: 'Safe online',
      description: '',
    },
    'add-indicator': { templateId: 'net.t.v1.2', name: 'Online harm', definition: '', outcomeTemplateIds: ['o.safe'] },
    'add-metric': {
      templateId: 'net.t.v1.3',
      indicatorTemplateId: 'i.safe',
      name: 'Reports of online harm',
      definition: '',
      unit: '',
      polarity: 'no-judgement',
      source: '',
      fingertipsId: null,
      frequency: '',
    },
    reword: { type: 'outcome', templateId: 'o.safe', from: '', to: 'Children are safe at home and online' },
  };
  return { ...common, ...defaults[overrides.kind], ...overrides } as TemplateChange;
}

/** A place with one template outcome, its indicator, and a local metric. */
function buildPlace() {
  const doc = new Y.Doc();
  const outcomeId = addOutcome(doc, {
    domain: 'safe',
    level: 'child',
    statement: 'Children are safe at home',
    scope: 'core',
    templateId: 'o.safe',
  });
  const indicatorId = addIndicator(doc, {
    name: 'Safety',
    outcomeIds: [outcomeId],
    scope: 'core',
    templateId: 'i.safe',
  });
  const localMetricId = addMetric(doc, { indicatorId, name: 'Our own harm count' });
  return { doc, outcomeId, indicatorId, localMetricId };
}

describe('template changes in a workspace doc', () => {
  it('adds a metric under the indicator with the template id, scope core', () => {
    const { doc, indicatorId } = buildPlace();
    const change = buildChange({ kind: 'add-metric' });
    expect(templateChangeProblem(doc, change, context)).toBeNull();
    const effect = adoptTemplateChange(doc, change, context);
    expect(effect.kind).toBe('added');
    const metric = readFrameworkEntities(doc).metrics.find((m) => m.id === effect.entityId);
    expect(metric).toMatchObject({
      name: 'Reports of online harm',
      indicatorId,
      scope: 'core',
      templateId: 'net.t.v1.3',
    });
  });

  it('links the local item a change was promoted from, keeping its words', () => {
    const { doc, localMetricId } = buildPlace();
    const change = buildChange({
      kind: 'add-metric',
      sourceEntities: [
        { partnershipId: 'elsewhere', entityId: 'abc' },
        { partnershipId: 'riverside', entityId: localMetricId },
      ],
    });
    expect(adoptTemplateChange(doc, change, context)).toEqual({ kind: 'linked', entityId: localMetricId });
    const metrics = readFrameworkEntities(doc).metrics;
    expect(metrics).toHaveLength(1);
    expect(metrics[0]).toMatchObject({ name: 'Our own harm count', scope: 'core', templateId: 'net.t.v1.3' });
  });

  it('records an addition the doc already holds, writing nothing', () => {
    const { doc } = buildPlace();
    const before = Y.encodeStateAsUpdate(doc);
    const effect = adoptTemplateChange(doc, buildChange({ kind: 'add-outcome', templateId: 'o.safe' }), context);
    expect(effect.kind).toBe('recorded');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('rewords by a minimal edit', () => {
    const { doc, outcomeId } = buildPlace();
    expect(adoptTemplateChange(doc, buildChange({ kind: 'reword' }), context)).toEqual({
      kind: 'reworded',
      entityId: outcomeId,
    });
    expect(readFrameworkEntities(doc).outcomes[0]!.statement).toBe('Children are safe at home and online');
  });

  it('names the problem, and writes nothing, when the parent or the item is gone', () => {
    const { doc, outcomeId, indicatorId } = buildPlace();
    deleteIndicator(doc, indicatorId, null);
    const addMetricChange = buildChange({ kind: 'add-metric', indicatorTemplateId: 'i.safe' });
    expect(templateChangeProblem(doc, addMetricChange, context)).toBe(
      'Your framework has no indicator “i.safe” to put this metric under',
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => adoptTemplateChange(doc, addMetricChange, context)).toThrow('no indicator');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    deleteOutcome(doc, outcomeId, null);
    expect(templateChangeProblem(doc, buildChange({ kind: 'reword' }), context)).toBe(
      'You dropped this outcome, so there is nothing to reword',
    );
    expect(templateChangeProblem(doc, buildChange({ kind: 'add-indicator' }), context)).toBe(
      'Your framework has no outcome “o.safe” for this indicator to serve',
    );
  });
});
