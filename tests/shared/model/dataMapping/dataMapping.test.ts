import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  dataMappingText,
  ensureDataMappingEntries,
  readDataMapping,
  readMetricMapping,
  updateDataMapping,
  updateDataMappings,
} from '../../../../shared/model/dataMapping/index.ts';
import { seedFramework, sync } from '../framework/factories.ts';

const stamp = (by = 'Asha (Public health)') => ({ by, on: '2026-03-31' });

describe('data mapping in the workspace doc', () => {
  it('reads a metric nobody has mapped as not yet mapped', () => {
    const doc = new Y.Doc();
    expect(readMetricMapping(doc, 'm1')).toMatchObject({ status: null, reason: '', owner: '', reviewedAt: null });
  });

  it('changes only the named fields and stamps who reviewed it', () => {
    const doc = new Y.Doc();
    const { metrics } = seedFramework(doc);
    expect(updateDataMapping(doc, metrics[0]!, { status: 'not-accessible', owner: 'NHS trust' }, stamp())).toBe(true);
    expect(updateDataMapping(doc, metrics[0]!, { reason: 'Needs a data-sharing agreement' }, stamp('Ben'))).toBe(true);
    expect(readMetricMapping(doc, metrics[0]!)).toEqual({
      metricId: metrics[0],
      status: 'not-accessible',
      reason: 'Needs a data-sharing agreement',
      owner: 'NHS trust',
      nextStep: '',
      reviewedAt: '2026-03-31',
      reviewedBy: 'Ben',
    });
    // Writing what is already there changes nothing, so it does not restamp.
    expect(updateDataMapping(doc, metrics[0]!, { owner: 'NHS trust' }, stamp('Carol'))).toBe(false);
    expect(readMetricMapping(doc, metrics[0]!).reviewedBy).toBe('Ben');
  });

  it('keeps both of two concurrent edits to different fields of one metric', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    const { metrics } = seedFramework(a);
    ensureDataMappingEntries(a, metrics);
    sync(a, b);
    updateDataMapping(a, metrics[0]!, { status: 'partial' }, stamp('Asha'));
    updateDataMapping(b, metrics[0]!, { owner: 'Schools' }, stamp('Ben'));
    dataMappingText(b, metrics[0]!, 'nextStep').insert(0, 'Ask for ward level');
    sync(a, b);
    expect(readMetricMapping(a, metrics[0]!)).toEqual(readMetricMapping(b, metrics[0]!));
    expect(readMetricMapping(a, metrics[0]!)).toMatchObject({
      status: 'partial',
      owner: 'Schools',
      nextStep: 'Ask for ward level',
    });
  });

  it('merges two people typing in the same reason at once', () => {
    const [a, b] = [new Y.Doc(), new Y.Doc()];
    updateDataMapping(a, 'm1', { reason: 'Held by the trust' }, stamp());
    sync(a, b);
    updateDataMapping(a, 'm1', { reason: 'Held by the NHS trust' }, stamp('Asha'));
    updateDataMapping(b, 'm1', { reason: 'Held by the trust only' }, stamp('Ben'));
    sync(a, b);
    expect(readMetricMapping(a, 'm1').reason).toBe('Held by the NHS trust only');
  });

  it('bulk-edits many metrics in one transaction, counting only real changes', () => {
    const doc = new Y.Doc();
    const { metrics } = seedFramework(doc);
    updateDataMapping(doc, metrics[0]!, { status: 'missing' }, stamp());
    let transactions = 0;
    doc.on('afterTransaction', () => (transactions += 1));
    expect(updateDataMappings(doc, [...metrics, metrics[0]!], { status: 'missing', nextStep: 'Survey' }, stamp())).toBe(
      3,
    );
    expect(transactions).toBe(1);
    expect(readDataMapping(doc).byMetric.size).toBe(3);
  });

  it('reports an unreadable entry instead of crashing', () => {
    const doc = new Y.Doc();
    doc.getMap('dataMapping.metrics').set('bad', 'not a map');
    const inner = new Y.Map();
    doc.getMap('dataMapping.metrics').set('worse', inner);
    inner.set('status', 'sort of');
    expect(readDataMapping(doc).problems.sort()).toEqual(['bad', 'worse']);
    expect(readMetricMapping(doc, 'worse').status).toBeNull();
  });

  it('rejects a patch with an unknown status', () => {
    const doc = new Y.Doc();
    expect(() => updateDataMapping(doc, 'm1', { status: 'maybe' as 'missing' }, stamp())).toThrow();
  });
});
