import * as Y from 'yjs';
import {
  FrameworkRowSchema,
  type FrameworkColumn,
  type FrameworkImportError,
  type FrameworkRow,
} from '../../../schemas/framework.ts';
import { isBlank } from './cellFormats.ts';
import { applyImport, type ImportedFramework } from './applyImport.ts';
import {
  indicatorColumns,
  metricColumns,
  outcomeColumns,
  parseRow,
  type IndicatorPart,
  type MetricPart,
  type OutcomePart,
} from './rowParts.ts';
import { readFrameworkEntities } from '../entities.ts';
import { newEntityId } from '../docShape.ts';

/** Most data rows one framework import may hold (a large workspace has about 1,500 metrics). */
export const maxFrameworkImportRows = 20_000;
/** Most errors reported for one file: past this, people fix the first ones and try again. */
export const maxReportedImportErrors = 200;

/**
 * `merge` adds and updates what the file lists and leaves everything else alone; `replace` also soft-deletes
 * (undoably) live outcomes, indicators and metrics the file does not list.
 */
export type FrameworkImportMode = 'merge' | 'replace';

type Kinds = 'outcomes' | 'indicators' | 'metrics';

/**
 * Per kind: how many the file lists, how many of those are new, changed or already exactly so, and how many live
 * items leave the framework (a replace's deletions, and what they hide).
 */
export type FrameworkImportSummary = Record<
  Kinds,
  { inFile: number; added: number; updated: number; unchanged: number; removed: number }
>;

/** A checked import: apply it (in one transaction) or show its errors; nothing is changed until `apply`. */
export type FrameworkImportPlan =
  | {
      ok: true;
      summary: FrameworkImportSummary;
      /** The ids of live items the import takes out of the framework (deleted, or hidden with what they belong to). */
      removedIds: Record<Kinds, string[]>;
      apply: (doc: Y.Doc) => void;
    }
  | { ok: false; errors: FrameworkImportError[] };

/** Options of an import. `by` is recorded as who deleted what a replace removes. */
export interface FrameworkImportOptions {
  mode?: FrameworkImportMode;
  by?: string | null;
}

type Part = OutcomePart | IndicatorPart | MetricPart;

/** The first column in which two descriptions of the same item disagree, or null when they agree. */
function firstDifference<P extends Part>(
  a: P,
  b: P,
  columns: Partial<Record<keyof P, FrameworkColumn>>,
): FrameworkColumn | null {
  for (const field of Object.keys(columns) as (keyof P)[]) {
    if (JSON.stringify(a[field]) !== JSON.stringify(b[field])) return columns[field]!;
  }
  return null;
}

/** Keeps the first description of each item and reports later rows that say something different about it. */
class FirstSeen<P extends Part> {
  readonly items = new Map<string, { part: P; row: number }>();
  constructor(
    private readonly noun: string,
    private readonly columns: Partial<Record<keyof P, FrameworkColumn>>,
  ) {}

  add(part: P, row: number, errors: FrameworkImportError[]): void {
    const first = this.items.get(part.key);
    if (!first) {
      this.items.set(part.key, { part, row });
      return;
    }
    const column = firstDifference(first.part, part, this.columns);
    if (column) {
      errors.push({
        row,
        column,
        message: `${column} differs from row ${first.row}, which describes the same ${this.noun}`,
      });
    }
  }
}

/**
 * Checks framework spreadsheet rows against each other and the workspace, changing nothing. Rows are matched to
 * items by id; rows without ids add new items (rows naming the same new item are grouped by its name). Row numbers
 * in errors count the header as row 1.
 */
export function planFrameworkImport(
  doc: Y.Doc,
  rows: readonly Partial<FrameworkRow>[],
  options: FrameworkImportOptions = {},
): FrameworkImportPlan {
  if (rows.length > maxFrameworkImportRows) {
    return {
      ok: false,
      errors: [{ row: null, column: null, message: `The file has more than ${maxFrameworkImportRows} rows` }],
    };
  }
  const errors: FrameworkImportError[] = [];
  const outcomes = new FirstSeen<OutcomePart>('outcome', outcomeColumns);
  const indicators = new FirstSeen<IndicatorPart>('indicator', indicatorColumns);
  const metrics = new FirstSeen<MetricPart>('metric', { ...metricColumns, indicatorKey: 'Indicator id' });
  const indicatorsByOutcome = new Map<string, string[]>();
  const unlinkedIndicators: string[] = [];
  const links = new Map<string, Set<string>>();

  rows.forEach((raw, index) => {
    const row = index + 2;
    const cells = FrameworkRowSchema.safeParse(raw);
    if (!cells.success) {
      for (const issue of cells.error.issues) {
        errors.push({ row, column: String(issue.path[0] ?? ''), message: issue.message });
      }
      return;
    }
    if (Object.values(cells.data).every(isBlank)) return;
    const { outcome, indicator, metric } = parseRow(row, cells.data, errors);
    if (outcome) outcomes.add(outcome, row, errors);
    if (indicator) {
      indicators.add(indicator, row, errors);
      // The order an outcome lists its indicators in, and the outcomes each indicator serves.
      if (outcome && !indicatorsByOutcome.has(outcome.key)) indicatorsByOutcome.set(outcome.key, []);
      const list = outcome ? indicatorsByOutcome.get(outcome.key)! : unlinkedIndicators;
      if (!list.includes(indicator.key)) list.push(indicator.key);
      const served = links.get(indicator.key) ?? new Set<string>();
      if (outcome) served.add(outcome.key);
      links.set(indicator.key, served);
    }
    if (metric) metrics.add(metric, row, errors);
  });
  if (errors.length > 0) return { ok: false, errors: capErrors(errors) };

  // Every item gets its id now, so the plan applies the same way however often it is applied.
  const ids = new Map<string, string>();
  const idOf = (kind: string, part: Part): string => {
    const id = part.id ?? ids.get(`${kind}:${part.key}`) ?? newEntityId();
    ids.set(`${kind}:${part.key}`, id);
    return id;
  };
  const imported: ImportedFramework = {
    outcomes: Array.from(outcomes.items.values(), ({ part }) => ({ ...part, id: idOf('outcome', part) })),
    indicators: Array.from(indicators.items.values(), ({ part }) => {
      const outcomeIds = Array.from(links.get(part.key) ?? [], (key) => idOf('outcome', outcomes.items.get(key)!.part));
      return { ...part, id: idOf('indicator', part), outcomeIds };
    }),
    indicatorSequences: [...indicatorsByOutcome.values(), unlinkedIndicators].map((keys) =>
      keys.map((key) => idOf('indicator', indicators.items.get(key)!.part)),
    ),
    metrics: Array.from(metrics.items.values(), ({ part }) => ({
      ...part,
      id: idOf('metric', part),
      indicatorId: idOf('indicator', indicators.items.get(part.indicatorKey)!.part),
    })),
  };
  const apply = (target: Y.Doc) =>
    applyImport(target, imported, { mode: options.mode ?? 'merge', by: options.by ?? null });
  return { ok: true, ...summarise(doc, imported, apply), apply };
}

function capErrors(errors: FrameworkImportError[]): FrameworkImportError[] {
  const sorted = [...errors].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  if (sorted.length <= maxReportedImportErrors) return sorted;
  const more = sorted.length - maxReportedImportErrors;
  return [
    ...sorted.slice(0, maxReportedImportErrors),
    { row: null, column: null, message: `…and ${more} more problems` },
  ];
}

/**
 * Counts what the import really changes by applying it to a copy of the doc and comparing every item before and
 * after: an unchanged export re-imported updates nothing, and an item counts as updated only when something about it
 * (a word, a link, its place, its deletion) differs afterwards.
 */
function summarise(
  doc: Y.Doc,
  imported: ImportedFramework,
  apply: (target: Y.Doc) => void,
): { summary: FrameworkImportSummary; removedIds: Record<Kinds, string[]> } {
  const trial = new Y.Doc();
  Y.applyUpdate(trial, Y.encodeStateAsUpdate(doc));
  const before = readFrameworkEntities(doc, { includeDeleted: true });
  const liveBefore = readFrameworkEntities(doc);
  apply(trial);
  const after = readFrameworkEntities(trial, { includeDeleted: true });
  const liveAfter = readFrameworkEntities(trial);
  trial.destroy();
  const summary = {} as FrameworkImportSummary;
  const removedIds = {} as Record<Kinds, string[]>;
  for (const kind of ['outcomes', 'indicators', 'metrics'] as const) {
    const inFile = new Set(imported[kind].map((item) => item.id));
    const stored = new Map<string, unknown>(before[kind].map((item) => [item.id, item]));
    const written = new Map<string, unknown>(after[kind].map((item) => [item.id, item]));
    let added = 0;
    let updated = 0;
    for (const id of inFile) {
      if (!stored.has(id)) added += 1;
      else if (JSON.stringify(stored.get(id)) !== JSON.stringify(written.get(id))) updated += 1;
    }
    const stillLive = new Set(liveAfter[kind].map((item) => item.id));
    removedIds[kind] = liveBefore[kind].filter((item) => !stillLive.has(item.id)).map((item) => item.id);
    summary[kind] = {
      inFile: inFile.size,
      added,
      updated,
      unchanged: inFile.size - added - updated,
      removed: removedIds[kind].length,
    };
  }
  return { summary, removedIds };
}
