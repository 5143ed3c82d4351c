import { periodSortKey } from '../../shared/model/evidence/periods.ts';
import { englandAreaCode, type EvidenceArea } from '../../shared/schemas/observations.ts';
import { matchColumns, parseNumberCell, recordReader } from './columns.ts';
import { forEachCsvRecord, type OnRecord, type RecordProblem } from './csvRecords.ts';
import { ProblemList } from './importProblems.ts';
import { localTemplateColumns, type LocalTemplateColumn } from './localTemplate.ts';
import {
  noFingertipsMethodFields,
  observationKey,
  observationTextLimit,
  sameValues,
  type ObservationDraft,
} from './observationDraft.ts';
import { forEachXlsxRecord } from './xlsxRecords.ts';

/** What the local importer needs to know: the partnership's area, and its metrics by id and by name. */
export interface LocalImportContext {
  areaCode: string;
  /** The partnership's area as people know it, e.g. "Merton". */
  areaName: string;
  metricIds: ReadonlySet<string>;
  /** Metric ids by lower-cased, trimmed name; a name shared by several metrics maps to all of them. */
  metricsByName: ReadonlyMap<string, readonly string[]>;
}

/** What reading a local data file found. */
export interface LocalRead {
  drafts: ObservationDraft[];
  problems: ProblemList;
  rowsRead: number;
  areas: EvidenceArea[];
}

const numberColumns: [LocalTemplateColumn, string][] = [
  ['value', 'Value'],
  ['lowerCi', 'Lower CI (95%)'],
  ['upperCi', 'Upper CI (95%)'],
  ['count', 'Count'],
  ['denominator', 'Denominator'],
];

const clip = (text: string): string => text.slice(0, observationTextLimit);

/** Reads our local data template (CSV or XLSX) row by row; any problem refuses the whole file. */
export async function readLocalData(
  file: Uint8Array,
  kind: 'text' | 'xlsx',
  context: LocalImportContext,
): Promise<LocalRead> {
  const problems = new ProblemList();
  const drafts = new Map<string, { draft: ObservationDraft; row: number }>();
  const areaNames = new Map<string, string>();
  let positions: Map<LocalTemplateColumn, number> | null = null;
  let rowsRead = 0;

  const onRecord: OnRecord = (cells, row) => {
    if (!positions) {
      const matched = matchColumns(cells, localTemplateColumns);
      const problemsFound = matched.ok ? [] : matched.problems;
      if (matched.ok && !matched.positions.has('metricId') && !matched.positions.has('metric')) {
        problemsFound.push('The column "Metric id" (or "Metric") is missing');
      }
      if (!matched.ok || problemsFound.length > 0) {
        const message = `This does not look like the local data template: ${problemsFound.join('; ')}. Download the blank template to see the columns.`;
        problems.add(1, null, message);
        throw new Error(message);
      }
      positions = matched.positions;
      return;
    }
    rowsRead += 1;
    const cell = recordReader(positions, cells);
    const metricId = resolveMetric(cell('metricId'), cell('metric'), context, (column, message) =>
      problems.add(row, column, message),
    );
    const areaCode = (cell('areaCode') || context.areaCode).toUpperCase();
    if (areaCode !== context.areaCode && areaCode !== englandAreaCode && !/^E12\d{6}$/.test(areaCode)) {
      problems.add(
        row,
        'Area code',
        `"${areaCode}" is not this partnership's area (${context.areaCode}), England (${englandAreaCode}) or a region (E12…). For wards or localities, use your area code with a breakdown type such as Ward.`,
      );
    }
    const numbers = new Map<LocalTemplateColumn, number | null>();
    for (const [key, column] of numberColumns) {
      const parsed = parseNumberCell(cell(key));
      if (parsed.ok) numbers.set(key, parsed.value);
      else problems.add(row, column, `"${cell(key).slice(0, 60)}" is not a number`);
    }
    const period = cell('period');
    const givenKey = parseNumberCell(cell('periodKey'));
    const periodKey = givenKey.ok && givenKey.value !== null ? Math.trunc(givenKey.value) : periodSortKey(period);
    if (period === '') problems.add(row, 'Period', 'The period is empty');
    else if (periodKey === null) problems.add(row, 'Period', `"${period}" has no year: write it like 2023/24`);
    if (numbers.has('value') && numbers.get('value') === null && cell('note') === '') {
      problems.add(row, 'Value', 'The value is empty: give a number, or a note saying why there is none');
    }
    const lower = numbers.get('lowerCi');
    const upper = numbers.get('upperCi');
    if (lower != null && upper != null && lower > upper) {
      problems.add(row, 'Lower CI (95%)', 'The lower confidence limit is above the upper one');
    }
    const categoryType = cell('categoryType');
    if (categoryType === '' && cell('category') !== '') {
      problems.add(row, 'Breakdown type', 'A breakdown is given without its type (e.g. Ward)');
    }
    if (metricId === null || periodKey === null || period === '' || numbers.size < numberColumns.length) return;
    if (cell('areaName') !== '') areaNames.set(areaCode, clip(cell('areaName')));
    const draft: ObservationDraft = {
      metricId,
      areaCode,
      areaName: '',
      period: clip(period),
      periodKey,
      categoryType: clip(categoryType),
      category: clip(cell('category')),
      value: numbers.get('value') ?? null,
      lowerCi: lower ?? null,
      upperCi: upper ?? null,
      count: numbers.get('count') ?? null,
      denominator: numbers.get('denominator') ?? null,
      note: clip(cell('note')),
      source: 'local',
      ...noFingertipsMethodFields,
    };
    const key = observationKey(draft);
    const earlier = drafts.get(key);
    if (!earlier) drafts.set(key, { draft, row });
    else if (!sameValues(earlier.draft, draft)) {
      problems.add(
        row,
        null,
        `Row ${earlier.row} has the same metric, area, period and breakdown with different values`,
      );
    }
  };

  const stopped: RecordProblem | null =
    kind === 'xlsx' ? await forEachXlsxRecord(file, onRecord) : await forEachCsvRecord(file, onRecord);
  if (stopped && problems.isEmpty) problems.add(stopped.row, null, stopped.message);
  if (!positions && problems.isEmpty) problems.add(null, null, 'The file is empty: it has no header row');
  if (problems.isEmpty && rowsRead === 0) problems.add(null, null, 'The file has a header but no rows of data');

  const kept = Array.from(drafts.values(), ({ draft }) => ({
    ...draft,
    areaName: areaNames.get(draft.areaCode) ?? defaultAreaName(draft.areaCode, context),
  }));
  const codes = new Set(kept.map((draft) => draft.areaCode));
  const areas: EvidenceArea[] = Array.from(codes, (code) => ({
    code,
    name: areaNames.get(code) ?? defaultAreaName(code, context),
    role: code === context.areaCode ? 'area' : code === englandAreaCode ? 'england' : 'region',
  }));
  return { drafts: kept, problems, rowsRead, areas };
}

function defaultAreaName(code: string, context: LocalImportContext): string {
  if (code === englandAreaCode) return 'England';
  return code === context.areaCode ? context.areaName : code;
}

function resolveMetric(
  id: string,
  name: string,
  context: LocalImportContext,
  problem: (column: string, message: string) => void,
): string | null {
  if (id !== '') {
    if (context.metricIds.has(id)) return id;
    problem('Metric id', `There is no metric with the id "${id.slice(0, 100)}" in this framework (nothing is created)`);
    return null;
  }
  if (name === '') {
    problem('Metric id', 'Give the metric id or the metric name');
    return null;
  }
  const matches = context.metricsByName.get(name.toLowerCase()) ?? [];
  if (matches.length === 1) return matches[0]!;
  problem(
    'Metric',
    matches.length === 0
      ? `There is no metric called "${name.slice(0, 100)}" in this framework (nothing is created)`
      : `More than one metric is called "${name.slice(0, 100)}": give its metric id`,
  );
  return null;
}
