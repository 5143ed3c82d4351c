import { describe, expect, it } from 'vitest';
import { QuintileGroups, quintileAt } from '../../../server/evidence/quintiles.ts';

describe('quintiles among all areas of a type', () => {
  it('puts a value in ⌊5i/n⌋ + 1, i the values below it (ties take the lower position)', () => {
    const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(ten.map((value) => quintileAt(ten, value))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    const tied = [1, 2, 2, 2, 2, 6];
    expect(quintileAt(tied, 2)).toBe(1); // i = 1: ⌊5/6⌋ + 1
    expect(quintileAt(tied, 6)).toBe(5); // i = 5: ⌊25/6⌋ + 1
  });

  it('gives none with fewer than five areas with a value, or no value; an area repeated counts once', () => {
    const groups = new QuintileGroups();
    for (const [code, value] of [
      ['A', 1],
      ['B', 2],
      ['C', 3],
      ['D', 4],
      ['D', 40],
    ] as const)
      groups.add('g', code, value);
    expect(groups.quintileOf('g', 3)).toBeNull();
    groups.add('g', 'E', 5);
    expect(groups.quintileOf('g', 40)).toBe(5);
    expect(groups.quintileOf('g', null)).toBeNull();
    expect(groups.quintileOf('other', 1)).toBeNull();
  });
});
