import { describe, expect, it } from 'vitest';
import { compareOrdered, planMove, planOrderKeys } from '../../../../shared/model/framework/ordering.ts';
import { mergeSequences } from '../../../../shared/model/framework/spreadsheet/mergeSequences.ts';

function apply(sequence: { id: string; order: string | null }[]): string[] {
  const changes = planOrderKeys(sequence);
  return sequence
    .map((slot) => ({ id: slot.id, order: changes.get(slot.id) ?? slot.order! }))
    .sort(compareOrdered)
    .map((slot) => slot.id);
}

describe('order keys', () => {
  it('gives keys to a fresh sequence in order', () => {
    const ids = ['a', 'b', 'c', 'd'];
    expect(apply(ids.map((id) => ({ id, order: null })))).toEqual(ids);
  });

  it('keeps keys that already fit and changes only what moved', () => {
    const changes = planOrderKeys([
      { id: 'a', order: 'a0' },
      { id: 'moved', order: 'a3' },
      { id: 'b', order: 'a1' },
      { id: 'c', order: 'a2' },
    ]);
    // Greedy: `moved` keeps its key, so b and c (now behind it) are given new keys after it.
    expect([...changes.keys()].sort()).toEqual(['b', 'c']);
    const single = planMove(
      [
        { id: 'a', order: 'a0' },
        { id: 'b', order: 'a1' },
      ],
      'x',
      1,
    );
    expect([...single.keys()]).toEqual(['x']);
  });

  it('separates tied keys when something must go between them', () => {
    const siblings = [
      { id: 'p', order: 'a0' },
      { id: 'q', order: 'a0' },
    ];
    const changes = planMove(siblings, 'x', 1);
    const result = [...siblings, { id: 'x', order: '' }]
      .map((slot) => ({ id: slot.id, order: changes.get(slot.id) ?? slot.order }))
      .sort(compareOrdered)
      .map((slot) => slot.id);
    expect(result).toEqual(['p', 'x', 'q']);
  });

  it('treats malformed keys as missing', () => {
    expect(
      apply([
        { id: 'a', order: 'not a key' },
        { id: 'b', order: 'a0' },
      ]),
    ).toEqual(['a', 'b']);
  });

  it('breaks ties by id so every replica sorts alike', () => {
    expect(
      [
        { id: 'b', order: 'a0' },
        { id: 'a', order: 'a0' },
      ]
        .sort(compareOrdered)
        .map((s) => s.id),
    ).toEqual(['a', 'b']);
  });
});

describe('merging per-outcome indicator lists into one order', () => {
  it('reproduces every list that a single order produced', () => {
    expect(mergeSequences([['i2', 'i3'], ['i1', 'i2'], ['i4']])).toEqual(['i1', 'i2', 'i3', 'i4']);
  });

  it('places what a contradiction leaves free first, then the earliest seen of the rest', () => {
    expect(mergeSequences([['a', 'b'], ['b', 'a'], ['c']])).toEqual(['c', 'a', 'b']);
  });
});
