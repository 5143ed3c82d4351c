import type * as Y from 'yjs';
import {
  dataMappingLimits,
  type DataMappingImportReport,
  type DataMappingPatch,
  type DataMappingRow,
  type DataStatus,
  type ImportProblem,
  type MetricDataMapping,
  type ReviewStamp,
} from '../../schemas/dataMapping.ts';
import { domainLabel, levelLabel } from '../framework/domains.ts';
import { keyForLabel } from '../framework/labels.ts';
import { emptyMapping, setMappingReview, updateDataMapping } from './dataMapping.ts';
import type { MetricContext } from './metricContext.ts';
import { dataStatuses, notMappedLabel } from './statuses.ts';

/** Most rows a data mapping spreadsheet may have (a 1,500-metric framework is well under it). */
export const maxDataMappingImportRows = 10_000;

/** The data mapping as spreadsheet rows, one per metric in framework order, with human column names. */
export function dataMappingToRows(
  contexts: readonly MetricContext[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
): DataMappingRow[] {
  return contexts.map(({ metric, indicator, outcomes, domains, levels }) => {
    const mapping = mappings.get(metric.id) ?? emptyMapping(metric.id);
    return {
      'Metric id': metric.id,
      Domain: domains.map(domainLabel).join('; '),
      Level: levels.map(levelLabel).join('; '),
      Outcomes: outcomes.map((outcome) => outcome.statement).join('; '),
      Indicator: indicator?.name ?? '',
      Metric: metric.name,
      Source: metric.source,
      Status: mapping.status === null ? '' : dataStatuses[mapping.status].label,
      Reason: mapping.reason,
      'Data owner': mapping.owner,
      'Next step': mapping.nextStep,
      'Last reviewed': mapping.reviewedAt ?? '',
      'Reviewed by': mapping.reviewedBy ?? '',
    };
  });
}

/** One metric's change from an import: the fields that differ, and the review stamp the file gives. */
export interface DataMappingChange {
  metricId: string;
  patch: DataMappingPatch;
  reviewedAt: string | null;
  reviewedBy: string | null;
}

/** What importing a spreadsheet would do, or every reason it cannot be imported. */
export type DataMappingImportPlan =
  { ok: true; changes: DataMappingChange[]; report: DataMappingImportReport } | { ok: false; errors: ImportProblem[] };

const statusLabels = Object.fromEntries(Object.entries(dataStatuses).map(([key, { label }]) => [key, label])) as Record<
  DataStatus,
  string
>;

/** Reads a status cell: a label or key, any case; empty or "Not yet mapped" is no status. */
export function parseDataStatus(text: string): { ok: true; status: DataStatus | null } | { ok: false } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed.toLowerCase() === notMappedLabel.toLowerCase()) return { ok: true, status: null };
  const status = keyForLabel(trimmed, statusLabels);
  return status ? { ok: true, status } : { ok: false };
}

/** Reads a date as exports write it (2026-03-31) or as a UK spreadsheet saves it (31/03/2026); null if neither. */
export function parseReviewDate(text: string): string | null {
  const trimmed = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  const [year, month, day] = iso
    ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
    : uk
      ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
      : [0, 0, 0];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (!year || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.toISOString().slice(0, 10);
}

const fieldLimits: [keyof DataMappingRow, number][] = [
  ['Reason', dataMappingLimits.reason],
  ['Data owner', dataMappingLimits.owner],
  ['Next step', dataMappingLimits.nextStep],
  ['Reviewed by', dataMappingLimits.reviewedBy],
];

/**
 * Checks every row of a data mapping spreadsheet against the framework and works out what would change. Rows are
 * matched by metric id, or by metric name when the id is blank; a metric the framework does not have is reported,
 * never created. Any error rejects the whole file. Only status, reason, owner, next step and the review columns are
 * read: the others describe the metric and may be out of date.
 */
export function planDataMappingImport(
  rows: readonly DataMappingRow[],
  contexts: readonly MetricContext[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
): DataMappingImportPlan {
  if (rows.length > maxDataMappingImportRows) {
    return {
      ok: false,
      errors: [{ row: null, column: null, message: `The file has more than ${maxDataMappingImportRows} rows` }],
    };
  }
  const byId = new Map(contexts.map((context) => [context.metric.id, context]));
  const byName = new Map<string, MetricContext[]>();
  for (const context of contexts) {
    const key = context.metric.name.trim().toLowerCase();
    byName.set(key, [...(byName.get(key) ?? []), context]);
  }
  const errors: ImportProblem[] = [];
  const changes: DataMappingChange[] = [];
  const unknownMetrics: DataMappingImportReport['unknownMetrics'] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const problem = (column: string | null, message: string) => errors.push({ row: rowNumber, column, message });
    const id = row['Metric id'].trim();
    const name = row.Metric.trim();
    if (id === '' && name === '') return;
    let context = id === '' ? null : (byId.get(id) ?? null);
    if (id === '') {
      const named = byName.get(name.toLowerCase()) ?? [];
      if (named.length > 1) return problem('Metric', `More than one metric is called "${name}": give its metric id`);
      context = named[0] ?? null;
    }
    if (!context) return void unknownMetrics.push({ row: rowNumber, metric: id || name });
    const metricId = context.metric.id;
    const earlier = seen.get(metricId);
    if (earlier !== undefined) return problem('Metric id', `This metric is also on row ${earlier}`);
    seen.set(metricId, rowNumber);

    const status = parseDataStatus(row.Status);
    if (!status.ok) {
      const allowed = Object.values(statusLabels).join(', ');
      problem('Status', `"${row.Status}" is not a status: use one of ${allowed}, or leave it empty`);
    }
    for (const [column, limit] of fieldLimits) {
      if (row[column].length > limit) problem(column, `${column} is longer than ${limit} characters`);
    }
    const reviewedText = row['Last reviewed'].trim();
    const reviewedAt = reviewedText === '' ? null : parseReviewDate(reviewedText);
    if (reviewedText !== '' && reviewedAt === null) {
      problem('Last reviewed', `"${reviewedText}" is not a date: write it as 2026-03-31 or 31/03/2026`);
    }
    if (!status.ok || errors.some((error) => error.row === rowNumber)) return;

    const current = mappings.get(metricId) ?? emptyMapping(metricId);
    const wanted = {
      status: status.status,
      reason: row.Reason,
      owner: row['Data owner'].trim(),
      nextStep: row['Next step'],
    };
    const patch: DataMappingPatch = {};
    if (wanted.status !== current.status) patch.status = wanted.status;
    if (wanted.reason !== current.reason) patch.reason = wanted.reason;
    if (wanted.owner !== current.owner) patch.owner = wanted.owner;
    if (wanted.nextStep !== current.nextStep) patch.nextStep = wanted.nextStep;
    const reviewedBy = row['Reviewed by'].trim() || null;
    const reviewChanged = reviewedAt !== current.reviewedAt || reviewedBy !== current.reviewedBy;
    if (Object.keys(patch).length === 0 && !reviewChanged) unchanged += 1;
    else changes.push({ metricId, patch, reviewedAt, reviewedBy });
  });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, changes, report: { changed: changes.length, unchanged, unknownMetrics } };
}

/**
 * Applies a checked import in one transaction. A row whose content changed but whose review columns were left as
 * they were is stamped as reviewed by the importer today; review columns the file changed are kept as written.
 */
export function applyDataMappingImport(
  doc: Y.Doc,
  changes: readonly DataMappingChange[],
  mappings: ReadonlyMap<string, MetricDataMapping>,
  importer: ReviewStamp,
): void {
  doc.transact(() => {
    for (const change of changes) {
      const current = mappings.get(change.metricId) ?? emptyMapping(change.metricId);
      const reviewKept = change.reviewedAt === current.reviewedAt && change.reviewedBy === current.reviewedBy;
      const contentChanged = Object.keys(change.patch).length > 0;
      if (contentChanged) updateDataMapping(doc, change.metricId, change.patch, importer);
      if (!(contentChanged && reviewKept)) setMappingReview(doc, change.metricId, change.reviewedAt, change.reviewedBy);
    }
  });
}
