import { periodSortKey } from '../../shared/model/evidence/periods.ts';
import { englandAreaCode, type EvidenceArea } from '../../shared/schemas/observations.ts';
import { parseNumberCell, type ColumnSpec } from './columns.ts';
import { readHeadedCsv } from './headedCsv.ts';
import { ProblemList } from './importProblems.ts';
import { observationKey, observationTextLimit, sameValues, type ObservationDraft } from './observationDraft.ts';
import type { ImportDisagreement } from '../../shared/schemas/comparatorAreas.ts';
import { findDisagreements, type MetricJudging } from './fingertipsDisagreements.ts';
import { QuintileGroups } from './quintiles.ts';

/** The columns of the OHID Fingertips "all data" CSV export that we read (others are ignored). */
const fingertipsColumns = [
  { key: 'indicatorId', name: 'Indicator ID', required: true },
  { key: 'indicatorName', name: 'Indicator Name' },
  { key: 'parentCode', name: 'Parent Code' },
  { key: 'regionCode', name: 'Region Code', aliases: ['Region'] },
  { key: 'areaCode', name: 'Area Code', required: true },
  { key: 'areaName', name: 'Area Name' },
  { key: 'areaType', name: 'Area Type' },
  { key: 'sex', name: 'Sex' },
  { key: 'age', name: 'Age' },
  { key: 'categoryType', name: 'Category Type' },
  { key: 'category', name: 'Category' },
  { key: 'period', name: 'Time period', required: true },
  { key: 'periodSortable', name: 'Time period Sortable' },
  { key: 'value', name: 'Value', required: true },
  { key: 'lowerCi', name: 'Lower CI 95.0 limit' },
  { key: 'upperCi', name: 'Upper CI 95.0 limit' },
  { key: 'lowerCi998', name: 'Lower CI 99.8 limit' },
  { key: 'upperCi998', name: 'Upper CI 99.8 limit' },
  { key: 'count', name: 'Count' },
  { key: 'denominator', name: 'Denominator' },
  { key: 'note', name: 'Value note' },
  { key: 'vsEngland', name: 'Compared to England value or percentiles' },
] as const satisfies readonly ColumnSpec<string>[];

/** The region comparison column is named after the export's parent area: "Compared to London region value or…". */
const regionComparisonColumn = /^compared to (?!england\b).+ value or percentiles$/i;
type FingertipsColumn = (typeof fingertipsColumns)[number]['key'];

const numberColumns: [FingertipsColumn, string][] = [
  ['value', 'Value'],
  ['lowerCi', 'Lower CI 95.0 limit'],
  ['upperCi', 'Upper CI 95.0 limit'],
  ['lowerCi998', 'Lower CI 99.8 limit'],
  ['upperCi998', 'Upper CI 99.8 limit'],
  ['count', 'Count'],
  ['denominator', 'Denominator'],
];

// "Persons" is the whole population; any other sex is a breakdown.
const wholePopulationSexes = new Set(['', 'persons', 'all', 'all persons']);

/** What the importer needs to know about the partnership. */
export interface FingertipsImportContext {
  /** The partnership's ONS area code. */
  areaCode: string;
  /** Metric ids by Fingertips indicator id (several metrics may share one). */
  metricsByFingertipsId: ReadonlyMap<string, readonly string[]>;
  /** The partnership's comparator areas (ONS codes): their rows are kept too. */
  comparatorAreaCodes?: ReadonlySet<string>;
  /**
   * How each metric is judged (method and polarity), to check our comparisons against the export's own "Compared
   * to …" texts. Without it nothing is checked.
   */
  judgingOf?: (metricId: string) => MetricJudging;
}

/** What reading a Fingertips export found: the observations to store, or the problems that refuse the file. */
export interface FingertipsRead {
  drafts: ObservationDraft[];
  problems: ProblemList;
  rowsRead: number;
  otherAreaRows: number;
  skippedIndicators: { indicatorId: string; name: string; rows: number }[];
  areas: EvidenceArea[];
  notes: string[];
  /** Rows where the export's own comparison differs from ours (at most 200 listed; the rest are in `notes`). */
  disagreements: ImportDisagreement[];
  /** Every area the file names other than England, kept or not (at most 2,000): candidates for comparator areas. */
  seenAreas: { code: string; name: string; type: string }[];
}

/** The most areas one import remembers as seen: a county-and-UA export names about 150, a district one about 300. */
const maxSeenAreas = 2_000;
const onsAreaCode = /^[EWSN]\d{8}$/;

const clip = (text: string): string => text.slice(0, observationTextLimit);

/** A row kept for the partnership, before its breakdown is settled (that needs every sex the indicator has). */
interface RowEntry {
  indicatorId: string;
  metricIds: readonly string[];
  sex: string;
  age: string;
  row: number;
  /** The rows this one is ranked among for its quintile: same indicator, area type, period and breakdown. */
  quintileGroup: string;
  draft: ObservationDraft;
}

/**
 * Reads an OHID Fingertips "all data" CSV export, a record at a time. Columns are matched by name in any order;
 * rows are matched to metrics by Fingertips indicator id (ids with no metric are reported as skipped, never
 * created); only the partnership's area, England and the area's region (its Parent Code, or a region column) are
 * kept, with their breakdowns. Any problem refuses the whole file.
 */
export async function readFingertipsExport(
  file: Uint8Array,
  context: FingertipsImportContext,
): Promise<FingertipsRead> {
  const problems = new ProblemList();
  const drafts = new Map<string, { draft: ObservationDraft; row: number; age: string }>();
  const skipped = new Map<string, { name: string; rows: number }>();
  const parentVotes = new Map<string, number>();
  const entries: RowEntry[] = [];
  const sexesByIndicator = new Map<string, Set<string>>();
  const areaNames = new Map<string, string>();
  const quintiles = new QuintileGroups();
  const seenAreas = new Map<string, { code: string; name: string; type: string }>();
  const comparators = context.comparatorAreaCodes ?? new Set<string>();
  let regionComparisonAt: number | null = null;
  let otherAreaRows = 0;

  const { rowsRead } = await readHeadedCsv(file, {
    specs: fingertipsColumns,
    problems,
    notThisFile: notFingertips,
    onHeader: (header) => {
      const at = header.findIndex((name) => regionComparisonColumn.test(name.replace(/^\uFEFF/, '').trim()));
      regionComparisonAt = at === -1 ? null : at;
    },
    onRow: (cell, row, cells) => {
      const areaCode = cell('areaCode').toUpperCase();
      const isArea = areaCode === context.areaCode;
      if (!seenAreas.has(areaCode) && seenAreas.size < maxSeenAreas && areaCode !== englandAreaCode) {
        if (onsAreaCode.test(areaCode)) {
          seenAreas.set(areaCode, {
            code: areaCode,
            name: clip(cell('areaName')) || areaCode,
            type: clip(cell('areaType')),
          });
        }
      }
      const indicatorId = cell('indicatorId');
      const quintileGroup = [
        indicatorId,
        cell('areaType') || areaTypeOf(areaCode),
        cell('period'),
        cell('sex').toLowerCase(),
        cell('age'),
        cell('categoryType'),
        cell('category'),
      ].join('\u0000');
      if (!isArea && areaCode !== englandAreaCode && !areaCode.startsWith('E12') && !comparators.has(areaCode)) {
        otherAreaRows += 1;
        // Dropped, but ranked first: a quintile is among every area of the type, not only the ones kept.
        if (context.metricsByFingertipsId.has(indicatorId)) {
          const parsed = parseNumberCell(cell('value'));
          if (parsed.ok && parsed.value !== null) quintiles.add(quintileGroup, areaCode, parsed.value);
        }
        return;
      }
      if (!/^\d{1,10}$/.test(indicatorId)) {
        problems.add(row, 'Indicator ID', `"${indicatorId}" is not a Fingertips indicator id (digits only)`);
        return;
      }
      const metricIds = context.metricsByFingertipsId.get(indicatorId);
      if (!metricIds || metricIds.length === 0) {
        const entry = skipped.get(indicatorId) ?? { name: clip(cell('indicatorName')), rows: 0 };
        entry.rows += 1;
        skipped.set(indicatorId, entry);
        return;
      }
      const numbers = new Map<FingertipsColumn, number | null>();
      for (const [key, column] of numberColumns) {
        const parsed = parseNumberCell(cell(key));
        if (parsed.ok) numbers.set(key, parsed.value);
        else problems.add(row, column, `"${cell(key).slice(0, 60)}" is not a number`);
      }
      const period = cell('period');
      const sortable = parseNumberCell(cell('periodSortable'));
      const periodKey = sortable.ok && sortable.value !== null ? Math.trunc(sortable.value) : periodSortKey(period);
      if (period === '' || periodKey === null) {
        problems.add(row, 'Time period', period === '' ? 'The time period is empty' : `"${period}" has no year`);
      }
      if (numbers.size < numberColumns.length || periodKey === null || period === '') return;
      const value = numbers.get('value') ?? null;
      if (value !== null) quintiles.add(quintileGroup, areaCode, value);

      if (isArea) {
        const parent = (cell('regionCode') || cell('parentCode')).toUpperCase();
        if (parent !== '') parentVotes.set(parent, (parentVotes.get(parent) ?? 0) + 1);
      }
      if (cell('areaName') !== '') areaNames.set(areaCode, clip(cell('areaName')));
      const sex = cell('sex');
      sexesByIndicator.set(
        indicatorId,
        (sexesByIndicator.get(indicatorId) ?? new Set<string>()).add(sex.toLowerCase()),
      );
      entries.push({
        indicatorId,
        metricIds,
        sex,
        age: cell('age'),
        row,
        quintileGroup,
        draft: {
          metricId: '',
          areaCode,
          areaName: '',
          period: clip(period),
          periodKey,
          categoryType: clip(cell('categoryType')),
          category: clip(cell('category')),
          value,
          lowerCi: numbers.get('lowerCi') ?? null,
          upperCi: numbers.get('upperCi') ?? null,
          count: numbers.get('count') ?? null,
          denominator: numbers.get('denominator') ?? null,
          note: clip(cell('note')),
          source: 'fingertips',
          lowerCi998: numbers.get('lowerCi998') ?? null,
          upperCi998: numbers.get('upperCi998') ?? null,
          quintile: null,
          fingertipsVsEngland: clip(cell('vsEngland')) || null,
          fingertipsVsRegion: clip(regionComparisonAt === null ? '' : (cells[regionComparisonAt] ?? '').trim()) || null,
        },
      });
    },
  });

  // Sex is a breakdown only where an indicator has rows for more than one sex: maternal indicators are all "Female".
  for (const entry of entries) {
    const sexes = sexesByIndicator.get(entry.indicatorId)!;
    const { categoryType, category } =
      sexes.size > 1 ? breakdownOf(entry.draft.categoryType, entry.draft.category, entry.sex) : entry.draft;
    for (const metricId of entry.metricIds) {
      const draft: ObservationDraft = {
        ...entry.draft,
        metricId,
        categoryType: clip(categoryType),
        category: clip(category),
        quintile: quintiles.quintileOf(entry.quintileGroup, entry.draft.value),
      };
      const key = observationKey(draft);
      const earlier = drafts.get(key);
      if (!earlier) drafts.set(key, { draft, row: entry.row, age: entry.age });
      else if (!sameValues(earlier.draft, draft)) {
        problems.add(entry.row, null, duplicateMessage(earlier.row, earlier.age, entry.age));
      }
    }
  }

  const regionCode = chooseRegion(parentVotes);
  const kept: ObservationDraft[] = [];
  let areaRows = 0;
  for (const { draft } of drafts.values()) {
    if (draft.areaCode.startsWith('E12') && draft.areaCode !== regionCode && !comparators.has(draft.areaCode)) {
      otherAreaRows += 1;
      continue;
    }
    if (draft.areaCode === context.areaCode) areaRows += 1;
    kept.push({
      ...draft,
      areaName: areaNames.get(draft.areaCode) ?? (draft.areaCode === englandAreaCode ? 'England' : draft.areaCode),
    });
  }
  const notes: string[] = [];
  if (problems.isEmpty && drafts.size > 0 && areaRows === 0) {
    problems.add(
      null,
      null,
      `The file has no rows for this partnership's area (${context.areaCode}) for the indicators in your framework. Export the data for the area type that includes it and try again.`,
    );
  }
  if (regionCode === null && areaRows > 0) {
    notes.push('The file does not name a region for your area (no Parent Code), so there is no regional comparison.');
  }
  const areas: EvidenceArea[] = [];
  if (areaRows > 0)
    areas.push({ code: context.areaCode, name: areaNames.get(context.areaCode) ?? context.areaCode, role: 'area' });
  if (regionCode !== null)
    areas.push({ code: regionCode, name: areaNames.get(regionCode) ?? regionCode, role: 'region' });
  if (kept.some((draft) => draft.areaCode === englandAreaCode))
    areas.push({ code: englandAreaCode, name: 'England', role: 'england' });
  const comparatorsFound = new Set(kept.map((draft) => draft.areaCode).filter((code) => comparators.has(code)));
  for (const code of [...comparatorsFound].sort()) {
    if (code !== regionCode) areas.push({ code, name: areaNames.get(code) ?? code, role: 'other' });
  }
  const comparatorsMissing = [...comparators].filter((code) => !comparatorsFound.has(code)).sort();
  if (areaRows > 0 && comparatorsMissing.length > 0) {
    notes.push(
      `The file has no rows for ${comparatorsMissing.length === 1 ? 'the comparator area' : `${comparatorsMissing.length} of your comparator areas`} ${comparatorsMissing.join(', ')}: export the data for all areas of the area type that includes them.`,
    );
  }
  let disagreements: ImportDisagreement[] = [];
  if (context.judgingOf && problems.isEmpty) {
    const found = findDisagreements(kept, {
      areaCode: context.areaCode,
      regionCode,
      regionName: regionCode === null ? 'the region' : (areaNames.get(regionCode) ?? regionCode),
      judgingOf: context.judgingOf,
    });
    disagreements = found.listed;
    if (found.total > found.listed.length) {
      notes.push(
        `${found.total} rows' comparisons differ from the ones the file gives; the first ${found.listed.length} are listed.`,
      );
    }
    if (found.unreadTexts > 0) {
      notes.push(`${found.unreadTexts} of the file's "Compared to …" texts were not recognised, so were not checked.`);
    }
  }
  return {
    drafts: kept,
    disagreements,
    seenAreas: [...seenAreas.values()],
    problems,
    rowsRead,
    otherAreaRows,
    skippedIndicators: Array.from(skipped, ([indicatorId, entry]) => ({ indicatorId, ...entry })).sort(
      (a, b) => Number(a.indicatorId) - Number(b.indicatorId),
    ),
    areas,
    notes,
  };
}

function notFingertips(problems: readonly string[]): string {
  return `This does not look like an OHID Fingertips "all data" CSV export: ${problems.join('; ')}.`;
}

/** The whole population, or a breakdown; a sex other than "Persons" is a breakdown too. */
function breakdownOf(categoryType: string, category: string, sex: string): { categoryType: string; category: string } {
  if (wholePopulationSexes.has(sex.toLowerCase())) return { categoryType, category };
  if (categoryType === '') return { categoryType: 'Sex', category: sex };
  return { categoryType: `${categoryType} (${sex})`, category };
}

/** The kind of area a code names, for files without an "Area Type" column: England, a region, or a local area. */
function areaTypeOf(areaCode: string): string {
  if (areaCode === englandAreaCode) return 'England';
  return areaCode.startsWith('E12') ? 'Region' : 'Local area';
}

/** The region: the English region (E12…) most of the area's rows name as their parent. */
function chooseRegion(votes: ReadonlyMap<string, number>): string | null {
  let best: [string, number] | null = null;
  for (const [code, count] of votes) if (code.startsWith('E12') && (!best || count > best[1])) best = [code, count];
  return best?.[0] ?? null;
}

function duplicateMessage(earlierRow: number, earlierAge: string, age: string): string {
  if (earlierAge !== age) {
    return `Row ${earlierRow} has the same indicator, area, period and breakdown for another age band (${earlierAge} and ${age}): export one age band at a time`;
  }
  return `Row ${earlierRow} has the same indicator, area, period and breakdown with different values`;
}
