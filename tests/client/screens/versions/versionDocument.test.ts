import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { updateDataMapping } from '../../../../shared/model/dataMapping/index.ts';
import { addIndicator, addMetric, addOutcome } from '../../../../shared/model/framework/index.ts';
import { addAction, addLink } from '../../../../shared/model/theoryOfChange/index.ts';
import { contentsOfVersion, metricsByDomain } from '../../../../client/screens/versions/versionDocument.ts';

const encode = (doc: Y.Doc): string => {
  const bytes = Y.encodeStateAsUpdate(doc);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
};

function workspace() {
  const doc = new Y.Doc();
  const safe = addOutcome(doc, { domain: 'safe', level: 'child', statement: 'Children are safe at home' });
  const healthy = addOutcome(doc, { domain: 'healthy', level: 'system', statement: 'Services reach families' });
  const shared = addIndicator(doc, { name: 'Contacts', outcomeIds: [safe, healthy] });
  const alone = addIndicator(doc, { name: 'Unlinked', outcomeIds: [] });
  const referrals = addMetric(doc, { indicatorId: shared, name: 'Referrals' });
  const orphan = addMetric(doc, { indicatorId: alone, name: 'Orphan metric' });
  updateDataMapping(
    doc,
    referrals,
    { status: 'partial', reason: 'Wrong age band', nextStep: 'Ask the council' },
    { by: 'Sam', on: '2027-03-01' },
  );
  const action = addAction(doc, { name: 'Family hub drop-in' });
  addLink(doc, { actionId: action, target: { kind: 'outcome', id: safe }, evidence: 'promising' });
  return { doc, safe, healthy, referrals, orphan, action };
}

describe('contentsOfVersion', () => {
  it('reads the framework, data mapping and theory of change from a version’s document state', () => {
    const { doc, safe, referrals, action } = workspace();
    const contents = contentsOfVersion(encode(doc));
    expect(contents).not.toBeNull();
    expect(contents!.framework.outcomes.map((o) => o.statement)).toEqual([
      'Children are safe at home',
      'Services reach families',
    ]);
    expect(contents!.framework.outcomes[0]).toMatchObject({ id: safe, indicatorCount: 1, metricCount: 1 });
    expect(contents!.mappings.get(referrals)).toMatchObject({
      status: 'partial',
      reason: 'Wrong age band',
      nextStep: 'Ask the council',
    });
    expect(contents!.theoryOfChange.actions.map((a) => a.id)).toEqual([action]);
    expect(contents!.theoryOfChange.links).toHaveLength(1);
    expect(contents!.theoryOfChange.links[0]).toMatchObject({
      evidence: 'promising',
      target: { kind: 'outcome', id: safe, state: 'live', label: 'Children are safe at home' },
    });
  });

  it('reads an empty document as an empty workspace', () => {
    const contents = contentsOfVersion(encode(new Y.Doc()));
    expect(contents?.framework.outcomes).toEqual([]);
    expect(contents?.mappings.size).toBe(0);
    expect(contents?.theoryOfChange.actions).toEqual([]);
  });

  it('is null for state that is not a document', () => {
    expect(contentsOfVersion('not base64 at all!')).toBeNull();
  });
});

describe('metricsByDomain', () => {
  it('lists a metric under each domain it serves, in domain order, and unlinked metrics last', () => {
    const { doc, referrals, orphan } = workspace();
    const groups = metricsByDomain(contentsOfVersion(encode(doc))!.framework);
    expect(groups.map((group) => [group.domain, group.contexts.map((c) => c.metric.id)])).toEqual([
      ['safe', [referrals]],
      ['healthy', [referrals]],
      [null, [orphan]],
    ]);
  });

  it('leaves out domains without metrics', () => {
    const doc = new Y.Doc();
    addOutcome(doc, { domain: 'happy', level: 'child', statement: 'No metrics here' });
    expect(metricsByDomain(contentsOfVersion(encode(doc))!.framework)).toEqual([]);
  });
});
