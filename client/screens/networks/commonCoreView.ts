import { placeStateCodes, type CommonCore, type TemplateItemType } from '../../../shared/schemas/networks.ts';
import type { Domain } from '../../../shared/schemas/framework.ts';

export type CoreItem = CommonCore['items'][number];
export type PlaceState = keyof typeof placeStateCodes;

/** How each place state is told apart: a word, a letter on the heat map and in its legend, and a pattern. */
export const placeStates: readonly { state: PlaceState; code: string; word: string; letter: string }[] = [
  { state: 'asIs', code: placeStateCodes.asIs, word: 'As is', letter: '=' },
  { state: 'changed', code: placeStateCodes.changed, word: 'Changed', letter: '~' },
  { state: 'dropped', code: placeStateCodes.dropped, word: 'Dropped', letter: '×' },
  { state: 'pending', code: placeStateCodes.pending, word: 'Not decided', letter: '?' },
  { state: 'notShared', code: placeStateCodes.notShared, word: 'Not shared', letter: '·' },
];

const stateByCode = new Map(placeStates.map((entry) => [entry.code, entry]));

/** The word for one character of an item's `states` string ("Not shared" for anything unexpected). */
export function placeStateWord(code: string): string {
  return stateByCode.get(code)?.word ?? 'Not shared';
}

/** Which items to show: one type (outcomes by default, so the heat map starts small) and optionally one domain. */
export interface CoreFilter {
  type: TemplateItemType;
  domain: Domain | 'all';
}

export type CoreSortColumn = 'order' | 'label' | 'asIs' | 'changed' | 'dropped' | 'pending';
export interface CoreSort {
  column: CoreSortColumn;
  direction: 'ascending' | 'descending';
}

/** The items that pass a filter, in template order. */
export function filterCoreItems(items: readonly CoreItem[], filter: CoreFilter): CoreItem[] {
  return items.filter(
    (item) => item.type === filter.type && (filter.domain === 'all' || item.domain === filter.domain),
  );
}

/** Items sorted by a column; ties keep template order, so the sort is stable and predictable. */
export function sortCoreItems(items: readonly CoreItem[], sort: CoreSort): CoreItem[] {
  if (sort.column === 'order') return sort.direction === 'ascending' ? [...items] : [...items].reverse();
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const column = sort.column;
  const indexed = items.map((item, index) => ({ item, index }));
  indexed.sort((a, b) => {
    const difference =
      column === 'label'
        ? a.item.label.localeCompare(b.item.label, 'en-GB', { sensitivity: 'base' })
        : a.item[column] - b.item[column];
    return difference !== 0 ? sign * difference : a.index - b.index;
  });
  return indexed.map(({ item }) => item);
}

/** The next sort when a column's button is pressed: the same column flips, a new one starts with most first. */
export function nextSort(current: CoreSort, column: CoreSortColumn): CoreSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column === 'label' ? 'ascending' : 'descending' };
}

/** One page of rows: the heat map draws at most this many at a time so 1,500 metrics stay quick. */
export const heatMapPageSize = 200;

export interface RowPage<T> {
  rows: T[];
  /** 0-based, clamped to the pages there are. */
  page: number;
  pageCount: number;
  /** 1-based positions of the first and last row shown (0 and 0 when there are none). */
  from: number;
  to: number;
  total: number;
}

/** The rows of one page; a page past the end (after the filter narrowed the list) shows the last one. */
export function pageOfRows<T>(rows: readonly T[], page: number, pageSize: number = heatMapPageSize): RowPage<T> {
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const clamped = Math.min(Math.max(0, Math.floor(page)), pageCount - 1);
  const start = clamped * pageSize;
  const shown = rows.slice(start, start + pageSize);
  return {
    rows: shown,
    page: clamped,
    pageCount,
    from: shown.length === 0 ? 0 : start + 1,
    to: start + shown.length,
    total: rows.length,
  };
}

const typeWords: Record<TemplateItemType, [string, string]> = {
  outcome: ['outcome', 'outcomes'],
  indicator: ['indicator', 'indicators'],
  metric: ['metric', 'metrics'],
};

/** "1 outcome", "48 outcomes". */
export function countOf(count: number, type: TemplateItemType): string {
  const [one, many] = typeWords[type];
  return `${count} ${count === 1 ? one : many}`;
}

/** Which state most of the places that share their framework hold an item in; null when none has a majority. */
export function majorityState(item: CoreItem): 'asIs' | 'changed' | 'dropped' | 'pending' | null {
  const sharing = item.asIs + item.changed + item.dropped + item.pending;
  if (sharing === 0) return null;
  const counts = { asIs: item.asIs, changed: item.changed, dropped: item.dropped, pending: item.pending } as const;
  for (const state of ['asIs', 'changed', 'dropped', 'pending'] as const) {
    if (counts[state] * 2 > sharing) return state;
  }
  return null;
}

/**
 * "8 places; 48 outcomes in the network template v3: 31 kept as is by most places, 9 changed by most, 5 dropped by
 * most, 3 with no majority." Counted over the items shown (one type, perhaps one domain).
 */
export function coreSummary(
  core: Pick<CommonCore, 'places' | 'templateVersion'>,
  items: readonly CoreItem[],
  type: TemplateItemType,
): string {
  const places = core.places.length === 1 ? '1 place' : `${core.places.length} places`;
  const counts = { asIs: 0, changed: 0, dropped: 0, pending: 0, none: 0 };
  for (const item of items) counts[majorityState(item) ?? 'none'] += 1;
  const parts = [
    counts.asIs > 0 ? `${counts.asIs} kept as is by most places` : null,
    counts.changed > 0 ? `${counts.changed} changed by most` : null,
    counts.dropped > 0 ? `${counts.dropped} dropped by most` : null,
    counts.pending > 0 ? `${counts.pending} not yet decided by most` : null,
    counts.none > 0 ? `${counts.none} with no majority` : null,
  ].filter((part): part is string => part !== null);
  const template = `${countOf(items.length, type)} in the network template v${core.templateVersion}`;
  return parts.length === 0 ? `${places}; ${template}.` : `${places}; ${template}: ${parts.join(', ')}.`;
}

const smallWords = new Set(['and', 'of', 'the', 'for', 'in', 'on', '&']);

/**
 * Short column headings for the heat map: initials of a place's name ("Riverside Family Hubs" → "RFH"), or the
 * first letters of a one-word name; repeated ones get a number so every column can be told apart.
 */
export function placeAbbreviations(names: readonly string[]): string[] {
  const base = names.map((name) => {
    const words = name.split(/[\s\-–,]+/).filter((word) => word !== '' && !smallWords.has(word.toLowerCase()));
    if (words.length === 0) return '?';
    if (words.length === 1) return words[0]!.slice(0, 3);
    return words
      .map((word) => word[0]!.toUpperCase())
      .join('')
      .slice(0, 4);
  });
  const seen = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const abbreviation of base) totals.set(abbreviation, (totals.get(abbreviation) ?? 0) + 1);
  return base.map((abbreviation) => {
    if ((totals.get(abbreviation) ?? 0) < 2) return abbreviation;
    const next = (seen.get(abbreviation) ?? 0) + 1;
    seen.set(abbreviation, next);
    return `${abbreviation}${next}`;
  });
}

/** The cells of each state as one SVG path of squares, so a page of 200 × 150 cells is five elements, not 30,000. */
export function heatMapPaths(
  rows: readonly Pick<CoreItem, 'states'>[],
  placeCount: number,
  cell: number,
): Record<string, string> {
  const paths: Record<string, string[]> = {};
  for (const entry of placeStates) paths[entry.code] = [];
  rows.forEach((row, y) => {
    for (let x = 0; x < placeCount; x += 1) {
      const code = row.states[x] ?? placeStateCodes.notShared;
      const bucket = paths[code] ?? paths[placeStateCodes.notShared]!;
      bucket.push(`M${x * cell} ${y * cell}h${cell - 1}v${cell - 1}h${1 - cell}z`);
    }
  });
  return Object.fromEntries(Object.entries(paths).map(([code, parts]) => [code, parts.join('')]));
}
