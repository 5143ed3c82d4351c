import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  countWords,
  decodeAnchorPosition,
  hasNarrative,
  markNarrativeEdited,
  narrativeFragment,
  narrativeKey,
  narrativePlainText,
  narrativeWordCount,
  parseNarrativeKey,
  readLastEdited,
  textAnchorState,
  textRangePositions,
} from '../../../../shared/model/narratives/index.ts';

/** A narrative paragraph as the editor stores it. */
function paragraph(words: string, name = 'paragraph'): { element: Y.XmlElement; text: Y.XmlText } {
  const element = new Y.XmlElement(name);
  const text = new Y.XmlText();
  element.insert(0, [text]);
  text.insert(0, words);
  return { element, text };
}

/** Two replicas that exchange updates on demand, as two browsers behind a server do. */
function replicas(): { a: Y.Doc; b: Y.Doc; sync: () => void } {
  const a = new Y.Doc();
  const b = new Y.Doc();
  return {
    a,
    b,
    sync: () => {
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
    },
  };
}

describe('narrative keys', () => {
  it('round-trips domain, outcome and indicator keys and refuses anything else', () => {
    for (const target of [
      { kind: 'domain', domain: 'safe' },
      { kind: 'outcome', id: 'cof.out.safe.child.1' },
      { kind: 'indicator', id: 'a1b2c3d4e5f60718' },
    ] as const) {
      expect(parseNarrativeKey(narrativeKey(target))).toEqual(target);
    }
    for (const key of ['narrative:domain:wealthy', 'narrative:metric:m1', 'framework.outcomes', 'narrative:outcome:']) {
      expect(parseNarrativeKey(key)).toBeNull();
    }
  });
});

describe('narrative text', () => {
  it('extracts plain text line by line and counts words, not punctuation or list markers', () => {
    const doc = new Y.Doc();
    const key = narrativeKey({ kind: 'domain', domain: 'healthy' });
    const list = new Y.XmlElement('bulletList');
    const item = new Y.XmlElement('listItem');
    item.insert(0, [paragraph('Obesity at age 5 – rising').element]);
    list.insert(0, [item]);
    narrativeFragment(doc, key).insert(0, [
      paragraph('Overview', 'heading').element,
      paragraph('Most children are well.').element,
      list,
    ]);
    expect(narrativePlainText(narrativeFragment(doc, key))).toBe(
      'Overview\nMost children are well.\nObesity at age 5 – rising',
    );
    expect(narrativeWordCount(narrativeFragment(doc, key))).toBe(10);
    expect(countWords('  – • 12% of children, in 2025 ')).toBe(5);
    expect(hasNarrative(doc, key)).toBe(true);
    expect(hasNarrative(doc, narrativeKey({ kind: 'domain', domain: 'safe' }))).toBe(false);
  });

  it('keeps who last edited, and ignores a malformed record', () => {
    const doc = new Y.Doc();
    const key = narrativeKey({ kind: 'domain', domain: 'safe' });
    markNarrativeEdited(doc, key, { byId: 'u1', byName: 'Amira Khan', at: '2026-01-31T10:00:00.000Z' });
    expect(readLastEdited(doc, key)).toEqual({ byId: 'u1', byName: 'Amira Khan', at: '2026-01-31T10:00:00.000Z' });
    doc.getMap('narratives.lastEdited').set(key, { byName: '<script>' });
    expect(readLastEdited(doc, key)).toBeNull();
  });
});

describe('text anchors', () => {
  it('stay on their passage through concurrent edits on both sides, and report a deleted passage as removed', () => {
    const { a, b, sync } = replicas();
    const key = narrativeKey({ kind: 'domain', domain: 'safe' });
    const { element, text } = paragraph('Referrals rose sharply in 2025.');
    narrativeFragment(a, key).insert(0, [element]);
    sync();
    const anchor = { narrativeKey: key, ...textRangePositions(text, 10, 23) };

    // Concurrently: A types before the passage, B types after it.
    text.insert(0, 'In Riverside, ');
    const textOnB = (narrativeFragment(b, key).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    textOnB.insert(textOnB.length, ' Most were for neglect.');
    sync();
    for (const doc of [a, b]) {
      const start = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(anchor.start)!, doc)!;
      const end = Y.createAbsolutePositionFromRelativePosition(decodeAnchorPosition(anchor.end)!, doc)!;
      expect(String(start.type.toJSON()).slice(start.index, end.index)).toBe('rose sharply ');
      expect(textAnchorState(doc, anchor)).toBe('present');
    }
    expect(text.toString()).toBe(textOnB.toString());

    textOnB.delete(0, textOnB.length);
    sync();
    expect(textAnchorState(a, anchor)).toBe('removed');
  });

  it('tells a passage not yet received from one that points into another narrative', () => {
    const { a, b } = replicas();
    const { element, text } = paragraph('Wellbeing');
    narrativeFragment(a, 'narrative:domain:happy').insert(0, [element]);
    const positions = textRangePositions(text, 0, 4);
    expect(textAnchorState(b, { narrativeKey: 'narrative:domain:happy', ...positions })).toBe('unknown');
    expect(textAnchorState(a, { narrativeKey: 'narrative:domain:safe', ...positions })).toBe('elsewhere');
    expect(textAnchorState(a, { narrativeKey: 'narrative:domain:happy', start: 'bm90IGEgcG9z', end: 'AAAA' })).toBe(
      'elsewhere',
    );
  });
});
