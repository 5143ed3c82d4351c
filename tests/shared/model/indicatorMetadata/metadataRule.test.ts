import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addIndicator, addMetric, readMetric } from '../../../../shared/model/framework/index.ts';
import {
  applyFingertipsValue,
  evidenceMethodOf,
  metadataOverrides,
  planMetadataForMetric,
} from '../../../../shared/model/indicatorMetadata/index.ts';
import type { Metric, MetricDraft } from '../../../../shared/schemas/framework.ts';
import type { IndicatorMetadata } from '../../../../shared/schemas/indicatorMetadata.ts';
import { buildIndicator, buildMetric } from '../framework/factories.ts';

function buildMetadata(overrides: Partial<IndicatorMetadata> = {}): IndicatorMetadata {
  return {
    fingertipsId: '93085',
    name: 'Smoking status at time of delivery',
    definition: 'Mothers known to be smokers at the time of delivery.',
    rationale: '',
    unit: '%',
    valueTypeText: 'Proportion',
    valueType: 'proportion',
    polarityText: 'RAG - Low is good',
    polarity: 'lower-is-better',
    dataSource: 'NHS Digital',
    frequency: 'Annual',
    ciMethod: 'Wilson Score method',
    comparisonMethodText: 'Confidence intervals overlapping reference value (99.8)',
    comparisonMethod: 'ci-99.8',
    importedAt: '2026-12-01T10:00:00.000Z',
    ...overrides,
  };
}

function metricWith(overrides: Partial<MetricDraft>): { doc: Y.Doc; metric: Metric } {
  const doc = new Y.Doc();
  const indicatorId = addIndicator(doc, buildIndicator());
  const id = addMetric(doc, buildMetric(indicatorId, { fingertipsId: '93085', ...overrides }));
  return { doc, metric: readMetric(doc, id)! };
}

describe('the indicator metadata rule', () => {
  it('fills empty fields, and leaves values equal to the metadata alone', () => {
    const { metric } = metricWith({ unit: '', definition: '  ', polarity: 'no-judgement' });
    expect(planMetadataForMetric(metric, buildMetadata(), null)).toEqual({
      patch: {
        polarity: 'lower-is-better',
        unit: '%',
        definition: 'Mothers known to be smokers at the time of delivery.',
      },
      overrides: [],
    });
    const same = metricWith({
      unit: '%',
      polarity: 'lower-is-better',
      definition: 'Mothers known to be smokers\nat the time of delivery. ',
    });
    expect(planMetadataForMetric(same.metric, buildMetadata(), null)).toEqual({ patch: {}, overrides: [] });
  });

  it('keeps a hand-set value as an override, but follows a value that came from the previous import', () => {
    const { metric } = metricWith({ unit: 'per 100', polarity: 'higher-is-better', definition: '' });
    const plan = planMetadataForMetric(metric, buildMetadata(), buildMetadata({ unit: 'per 100' }));
    expect(plan.patch).toEqual({ unit: '%', definition: 'Mothers known to be smokers at the time of delivery.' });
    expect(plan.overrides).toEqual([{ field: 'polarity', local: 'Higher is better', fingertips: 'RAG - Low is good' }]);
  });

  it('says nothing where the metadata is empty', () => {
    const { metric } = metricWith({ unit: '', polarity: 'higher-is-better' });
    const metadata = buildMetadata({ unit: '', polarity: null, polarityText: '', definition: '' });
    expect(planMetadataForMetric(metric, metadata, null)).toEqual({ patch: {}, overrides: [] });
    expect(metadataOverrides(metric, metadata)).toEqual([]);
    expect(metadataOverrides(metric, null)).toEqual([]);
  });

  it('writes the Fingertips value into the doc on request, which clears the override', () => {
    const { doc, metric } = metricWith({ polarity: 'higher-is-better' });
    const metadata = buildMetadata({ unit: metric.unit, definition: metric.definition });
    expect(metadataOverrides(metric, metadata).map((o) => o.field)).toEqual(['polarity']);
    expect(applyFingertipsValue(doc, metric.id, metadata, 'polarity')).toBe(true);
    const after = readMetric(doc, metric.id)!;
    expect(after.polarity).toBe('lower-is-better');
    expect(metadataOverrides(after, metadata)).toEqual([]);
  });

  it('takes the methods from the metadata, else the defaults', () => {
    expect(evidenceMethodOf(buildMetadata())).toEqual({
      comparison: 'ci-99.8',
      valueType: 'proportion',
      source: 'fingertips-metadata',
    });
    expect(evidenceMethodOf(buildMetadata({ comparisonMethod: null, valueType: null }))).toEqual({
      comparison: 'ci-95',
      valueType: 'other',
      source: 'fingertips-metadata',
    });
    expect(evidenceMethodOf(null)).toEqual({ comparison: 'ci-95', valueType: 'other', source: 'default' });
  });
});
