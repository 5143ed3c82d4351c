import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  deleteIndicator,
  deleteOutcome,
  readFramework,
  restoreOutcome,
} from '../../../../shared/model/framework/index.ts';
import {
  addAssumption,
  addLink,
  deleteAction,
  deleteLink,
  linksNeedingAttention,
  readTheoryOfChange,
  repointLink,
  restoreAction,
  restoreLink,
  updateAssumption,
  updateLink,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { linkOrFail, seedTheoryOfChange } from './factories.ts';

describe('link validation', () => {
  it('links an action to a live outcome or indicator, with defaults for evidence and timeframe', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] }, mechanism: 'Trusted adult' });
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'indicator', id: indicator } });
    const { links } = readTheoryOfChange(doc);
    expect(links.map((link) => [link.target.kind, link.target.state, link.evidence, link.timeframe])).toEqual([
      ['outcome', 'live', 'untested', 'medium'],
      ['indicator', 'live', 'untested', 'medium'],
    ]);
    expect(links[0]!.mechanism).toBe('Trusted adult');
    expect(links[1]!.target.outcomeIds).toEqual([outcomes[2]]);
  });

  it('refuses a link to a deleted outcome and writes nothing', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    deleteOutcome(doc, outcomes[0], 'someone');
    const before = Y.encodeStateVector(doc);
    const result = addLink(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    expect(result).toMatchObject({ ok: false, reason: 'target-removed' });
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('refuses links to missing targets, deleted indicators, deleted or missing actions, and duplicates', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    const reason = (draft: Parameters<typeof addLink>[1]) => {
      const result = addLink(doc, draft);
      return result.ok ? 'ok' : result.reason;
    };
    expect(reason({ actionId: actions[0], target: { kind: 'outcome', id: 'not-there' } })).toBe('target-missing');
    expect(reason({ actionId: 'not-there', target: { kind: 'outcome', id: outcomes[0] } })).toBe('action-missing');
    deleteIndicator(doc, indicator, null);
    expect(reason({ actionId: actions[0], target: { kind: 'indicator', id: indicator } })).toBe('target-removed');
    deleteAction(doc, actions[1], null);
    expect(reason({ actionId: actions[1], target: { kind: 'outcome', id: outcomes[0] } })).toBe('action-deleted');
    expect(reason({ actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } })).toBe('ok');
    expect(reason({ actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } })).toBe('already-linked');
  });

  it('rejects malformed drafts from a hostile client before touching the doc', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const hostile = { actionId: actions[0], target: { kind: 'concern', id: outcomes[0] } } as unknown as Parameters<
      typeof addLink
    >[1];
    expect(() => addLink(doc, hostile)).toThrow();
    expect(readTheoryOfChange(doc).links).toEqual([]);
  });
});

describe('deleting what a link points at', () => {
  it('keeps the link visible as "removed" until someone re-points or deletes it', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const linkId = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    const assumption = addAssumption(doc, linkId, { text: 'Parents can get to the hub', owner: 'Hub manager' })!;
    deleteOutcome(doc, outcomes[0], 'someone');

    const afterDelete = readTheoryOfChange(doc);
    expect(afterDelete.links).toHaveLength(1);
    expect(afterDelete.links[0]!.target).toMatchObject({ state: 'removed', outcomeIds: [], domain: 'safe' });
    expect(linksNeedingAttention(afterDelete).map((link) => link.id)).toEqual([linkId]);

    // Re-pointing resolves it and keeps what was written about the link.
    expect(repointLink(doc, linkId, { kind: 'outcome', id: outcomes[0] })).toMatchObject({ reason: 'target-removed' });
    expect(repointLink(doc, linkId, { kind: 'outcome', id: outcomes[1] })).toEqual({ ok: true, id: linkId });
    const repointed = readTheoryOfChange(doc).links[0]!;
    expect(repointed.target).toMatchObject({ id: outcomes[1], state: 'live' });
    expect(repointed.assumptions.map((a) => a.id)).toEqual([assumption]);
    expect(linksNeedingAttention(readTheoryOfChange(doc))).toEqual([]);
  });

  it('resolves by deleting the link, which can be restored', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const linkId = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    deleteOutcome(doc, outcomes[0], null);
    deleteLink(doc, linkId, 'someone');
    expect(readTheoryOfChange(doc).links).toEqual([]);
    expect(readTheoryOfChange(doc, readFramework(doc), { includeDeleted: true }).links[0]).toMatchObject({
      deletedBy: 'someone',
    });
    restoreLink(doc, linkId);
    restoreOutcome(doc, outcomes[0]);
    expect(readTheoryOfChange(doc).links[0]!.target.state).toBe('live');
  });

  it('marks a link whose indicator is hidden with its deleted outcome as removed', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'indicator', id: indicator } });
    deleteOutcome(doc, outcomes[2], null);
    expect(readTheoryOfChange(doc).links[0]!.target).toMatchObject({ kind: 'indicator', state: 'removed' });
  });

  it('hides the links of a deleted action and brings them back on restore', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    deleteAction(doc, actions[0], null);
    expect(readTheoryOfChange(doc)).toMatchObject({ links: [], actions: [{ id: actions[1] }] });
    restoreAction(doc, actions[0]);
    expect(readTheoryOfChange(doc).links).toHaveLength(1);
  });
});

describe('link fields and assumptions', () => {
  it('changes mechanism, evidence and timeframe; checks and re-owns assumptions in order of adding', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const linkId = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[1] } });
    updateLink(doc, linkId, { mechanism: 'Parents learn to read cues', evidence: 'promising', timeframe: 'short' });
    const first = addAssumption(doc, linkId, { text: 'Families attend four sessions' })!;
    const second = addAssumption(doc, linkId, { text: 'Staff are trained', owner: 'Training lead' })!;
    updateAssumption(doc, linkId, first, { checked: true, owner: 'Hub manager' });
    const link = readTheoryOfChange(doc).links[0]!;
    expect(link).toMatchObject({ mechanism: 'Parents learn to read cues', evidence: 'promising', timeframe: 'short' });
    expect(link.assumptions.map(({ id, text, owner, checked }) => ({ id, text, owner, checked }))).toEqual([
      { id: first, text: 'Families attend four sessions', owner: 'Hub manager', checked: true },
      { id: second, text: 'Staff are trained', owner: 'Training lead', checked: false },
    ]);
  });
});
