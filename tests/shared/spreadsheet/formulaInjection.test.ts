import { describe, expect, it } from 'vitest';
import { neutraliseCell, restoreCell } from '../../../shared/spreadsheet/formulaInjection.ts';

describe('formula injection', () => {
  it.each(['=1+1', '+44 20', '-3', '@SUM(A1)', '\tTab', '\rReturn', "'=quoted", "''@twice"])(
    'neutralises %j and restores it exactly',
    (value) => {
      const safe = neutraliseCell(value);
      expect(safe.startsWith("'")).toBe(true);
      expect(restoreCell(safe)).toBe(value);
    },
  );

  it.each(['Safe', '', "It's fine", "'plain apostrophe", '5 = five', ' =spaced'])('leaves %j alone', (value) => {
    expect(neutraliseCell(value)).toBe(value);
    expect(restoreCell(value)).toBe(value);
  });
});
