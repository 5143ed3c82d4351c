import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { availabilityFacts, compareVersions, wordDiff } from '../../../../shared/model/changes/index.ts';
import { minutesFragment } from '../../../../shared/model/cycles/minutes.ts';
import { updateDataMapping } from '../../../../shared/model/dataMapping/index.ts';
import { addIndicator, addMetric, addOutcome } from '../../../../shared/model/framework/index.ts';
import { markNarrativeEdited, narrativeFragment } from '../../../../shared/model/narratives/index.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../framework/factories.ts';
import { outline, snapshot } from './helpers.ts';

function write(fragment: Y.XmlFragment, text: string): void {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  fragment.insert(fragment.length, [paragraph]);
}

describe('availabilityFacts', () => {
  it('counts each domain’s metrics by status', () => {
    const doc = new Y.Doc();
    const safe = addOutcome(doc, buildOutcome({ domain: 'safe' }));
    const healthy = addOutcome(doc, buildOutcome({ domain: 'healthy' }));
    const both = addIndicator(doc, buildIndicator({ outcomeIds: [safe, healthy] }));
    const safeOnly = addIndicator(doc, buildIndicator({ outcomeIds: [safe] }));
    const stamp = { by: 'Ann', on: '2026-11-30' };
    updateDataMapping(doc, addMetric(doc, buildMetric(both)), { status: 'available' }, stamp);
    updateDataMapping(doc, addMetric(doc, buildMetric(safeOnly)), { status: 'partial' }, stamp);
    updateDataMapping(doc, addMetric(doc, buildMetric(safeOnly)), { status: 'not-accessible' }, stamp);
    addMetric(doc, buildMetric(safeOnly));
    const facts = availabilityFacts(doc);
    expect(facts.map((fact) => fact.domain)).toEqual(['safe', 'healthy', 'happy', 'learning', 'engaged']);
    expect(facts[0]).toEqual({
      domain: 'safe',
      metrics: 4,
      available: 1,
      partial: 1,
      missing: 0,
      notMapped: 1,
      notAccessible: 1,
    });
    expect(facts[1]).toEqual({
      domain: 'healthy',
      metrics: 1,
      available: 1,
      partial: 0,
      missing: 0,
      notMapped: 0,
      notAccessible: 0,
    });
  });
});

describe('narratives', () => {
  it('reports each narrative and minutes whose text changed, with word counts, once', () => {
    const doc = new Y.Doc();
    doc.clientID = 7;
    const outcome = addOutcome(doc, buildOutcome({ statement: 'Children are ready for school' }));
    write(narrativeFragment(doc, 'narrative:domain:healthy'), 'Unchanged words here.');
    write(narrativeFragment(doc, { kind: 'outcome', id: outcome }), 'Two words.');
    const older = snapshot(doc);
    write(narrativeFragment(doc, { kind: 'outcome', id: outcome }), 'Three more words.');
    write(minutesFragment(doc, 'm1'), 'The board agreed the plan.');
    markNarrativeEdited(doc, 'narrative:domain:healthy', {
      byId: 'u-ann',
      byName: 'Ann',
      at: '2026-11-30T10:00:00.000Z',
    });
    const authorOf = (client: number) => (client === 7 ? { id: 'u-cy', name: 'Cy' } : null);
    const { changes } = compareVersions(older, snapshot(doc), { authorOf });
    expect(
      changes.map((change) => [outline(change), change.before, change.after, change.words, change.by?.name]),
    ).toEqual([
      ['narratives | changed | narrative | Minutes of a meeting | text', 0, 5, 'Written: 5 words', 'Cy'],
      [
        'narratives | changed | narrative | Story behind the curve: Children are ready for school | text',
        2,
        5,
        'Edited: 5 words (was 2)',
        'Cy',
      ],
    ]);
  });
});

describe('wordDiff', () => {
  it('marks words inserted and deleted', () => {
    expect(wordDiff('Children are safe', 'Babies are safe')).toEqual([
      { op: 'delete', text: 'Children' },
      { op: 'insert', text: 'Babies' },
      { op: 'equal', text: ' are safe' },
    ]);
  });
});
