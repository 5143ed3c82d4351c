import { describe, expect, it } from 'vitest';
import {
  coreSummary,
  filterCoreItems,
  heatMapPaths,
  majorityState,
  nextSort,
  pageOfRows,
  placeAbbreviations,
  placeStateWord,
  sortCoreItems,
} from '../../../client/screens/networks/commonCoreView.ts';
import { buildCoreItem, buildPlace } from './factories.ts';

describe('the common core screen', () => {
  it('pages long lists of rows, clamping a page past the end to the last one', () => {
    const rows = Array.from({ length: 1_500 }, (_, index) => index);
    const first = pageOfRows(rows, 0);
    expect(first).toMatchObject({ page: 0, pageCount: 8, from: 1, to: 200, total: 1_500 });
    expect(first.rows).toHaveLength(200);
    const last = pageOfRows(rows, 7);
    expect(last).toMatchObject({ from: 1_401, to: 1_500 });
    expect(last.rows).toHaveLength(100);
    // After a filter narrows the list, the page number may point past it.
    expect(pageOfRows(rows.slice(0, 30), 5)).toMatchObject({ page: 0, pageCount: 1, from: 1, to: 30 });
    expect(pageOfRows([], 0)).toMatchObject({ rows: [], pageCount: 1, from: 0, to: 0 });
  });

  it('filters by type and domain, and sorts stably by any column', () => {
    const items = [
      buildCoreItem({ label: 'b', asIs: 3, domain: 'safe' }),
      buildCoreItem({ label: 'A', asIs: 5, domain: 'healthy' }),
      buildCoreItem({ label: 'c', asIs: 3, domain: 'safe' }),
      buildCoreItem({ type: 'metric', label: 'metric', domain: 'safe' }),
    ];
    expect(filterCoreItems(items, { type: 'outcome', domain: 'all' })).toHaveLength(3);
    expect(filterCoreItems(items, { type: 'outcome', domain: 'safe' }).map((i) => i.label)).toEqual(['b', 'c']);
    const outcomes = filterCoreItems(items, { type: 'outcome', domain: 'all' });
    expect(sortCoreItems(outcomes, { column: 'asIs', direction: 'descending' }).map((i) => i.label)).toEqual([
      'A',
      'b',
      'c',
    ]);
    expect(sortCoreItems(outcomes, { column: 'label', direction: 'ascending' }).map((i) => i.label)).toEqual([
      'A',
      'b',
      'c',
    ]);
    expect(nextSort({ column: 'order', direction: 'ascending' }, 'dropped')).toEqual({
      column: 'dropped',
      direction: 'descending',
    });
    expect(nextSort({ column: 'dropped', direction: 'descending' }, 'dropped').direction).toBe('ascending');
  });

  it('says what most places did with the items shown', () => {
    const items = [
      buildCoreItem({ states: '====~.' }),
      buildCoreItem({ states: '~~~=-.' }),
      buildCoreItem({ states: '---==.' }),
      buildCoreItem({ states: '==~~-.' }),
    ];
    expect(majorityState(items[0]!)).toBe('asIs');
    expect(majorityState(items[3]!)).toBeNull();
    const places = Array.from({ length: 6 }, () => buildPlace());
    expect(coreSummary({ places, templateVersion: 3 }, items, 'outcome')).toBe(
      '6 places; 4 outcomes in the network template v3: 1 kept as is by most places, 1 changed by most, 1 dropped by most, 1 with no majority.',
    );
  });

  it('draws each state’s cells as one path, one square per place', () => {
    const paths = heatMapPaths([{ states: '=~' }, { states: '.?' }], 2, 10);
    expect(paths['=']).toBe('M0 0h9v9h-9z');
    expect(paths['~']).toBe('M10 0h9v9h-9z');
    expect(paths['.']).toBe('M0 10h9v9h-9z');
    expect(paths['?']).toBe('M10 10h9v9h-9z');
    expect(paths['-']).toBe('');
    // A states string shorter than the places (a place joined since) reads as not shared.
    expect(heatMapPaths([{ states: '' }], 1, 10)['.']).toBe('M0 0h9v9h-9z');
    expect(placeStateWord('~')).toBe('Changed');
  });

  it('abbreviates places so every column can be told apart', () => {
    expect(
      placeAbbreviations(['Riverside Family Hubs', 'Camden', 'Royal Free Hospital', 'Camden and Islington']),
    ).toEqual(['RFH1', 'Cam', 'RFH2', 'CI']);
  });
});
