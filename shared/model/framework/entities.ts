import type * as Y from 'yjs';
import type { Indicator, Metric, Outcome } from '../../schemas/framework.ts';
import { domainOrder, levelOrder } from './domains.ts';
import { compareOrdered } from './ordering.ts';
import { readAllEntities, readEntity, type EntityRead, type FrameworkProblem } from './readEntities.ts';

/** Options of every read: deleted items (and those hidden with a deleted outcome) are left out unless asked for. */
export interface ReadOptions {
  includeDeleted?: boolean;
}

/** Every valid outcome, indicator and metric, sorted, with the problems found on the way. */
export interface FrameworkEntities {
  outcomes: Outcome[];
  indicators: Indicator[];
  metrics: Metric[];
  problems: FrameworkProblem[];
}

/** Sorts outcomes as the overview grid shows them: by domain, then level, then order key. */
export function compareOutcomes(
  a: Pick<Outcome, 'id' | 'domain' | 'level' | 'order'>,
  b: Pick<Outcome, 'id' | 'domain' | 'level' | 'order'>,
): number {
  return (
    domainOrder.indexOf(a.domain) - domainOrder.indexOf(b.domain) ||
    levelOrder.indexOf(a.level) - levelOrder.indexOf(b.level) ||
    compareOrdered(a, b)
  );
}

/** What is stored of each kind, validated: the raw material every framework read is assembled from. */
export interface StoredFramework {
  outcome: EntityRead<Outcome>;
  indicator: EntityRead<Indicator>;
  metric: EntityRead<Metric>;
}

/** Validates everything stored of each kind (deleted entries included), reporting what is invalid. */
export function readStoredFramework(doc: Y.Doc): StoredFramework {
  return {
    outcome: readAllEntities(doc, 'outcome'),
    indicator: readAllEntities(doc, 'indicator'),
    metric: readAllEntities(doc, 'metric'),
  };
}

/**
 * Reads the whole framework. Deleting an outcome does not touch its indicators: an indicator is hidden while every
 * outcome it serves is deleted, and comes back with them on restore, so the delete stays undoable and an indicator
 * that also serves another outcome is never lost. A metric is hidden with its indicator in the same way.
 */
export function readFrameworkEntities(doc: Y.Doc, options: ReadOptions = {}): FrameworkEntities {
  return assembleFrameworkEntities(readStoredFramework(doc), options);
}

/**
 * The framework from entities already validated (as `readFrameworkEntities` reads it), so a reader that keeps them
 * between changes (see `FrameworkCache`) re-validates only what changed.
 */
export function assembleFrameworkEntities(stored: StoredFramework, options: ReadOptions = {}): FrameworkEntities {
  const includeDeleted = options.includeDeleted ?? false;
  const { outcomes, indicators, liveIndicatorIds, storedIndicatorIds, problems } = collectIndicators(
    stored,
    includeDeleted,
  );
  const metrics = stored.metric;
  problems.push(...metrics.problems);
  const keptMetrics: Metric[] = [];
  for (const metric of metrics.items) {
    if (!storedIndicatorIds.has(metric.indicatorId)) {
      problems.push({ kind: 'metric', id: metric.id, reason: `its indicator ${metric.indicatorId} does not exist` });
      continue;
    }
    const isLive = metric.deletedAt === null && liveIndicatorIds.has(metric.indicatorId);
    if (isLive || includeDeleted) keptMetrics.push(metric);
  }
  return { outcomes, indicators, metrics: keptMetrics.sort(compareOrdered), problems };
}

/** Reads the indicators, sorted by order key, with their links to live outcomes and the problems found. */
export function readIndicators(
  doc: Y.Doc,
  options: ReadOptions = {},
): { indicators: Indicator[]; problems: FrameworkProblem[] } {
  const stored = { outcome: readAllEntities(doc, 'outcome'), indicator: readAllEntities(doc, 'indicator') };
  const { indicators, problems } = collectIndicators(stored, options.includeDeleted ?? false);
  return { indicators, problems };
}

function collectIndicators(stored: Pick<StoredFramework, 'outcome' | 'indicator'>, includeDeleted: boolean) {
  const { outcome: outcomes, indicator: indicators } = stored;
  const outcomeById = new Map(outcomes.items.map((outcome) => [outcome.id, outcome]));
  const liveIndicatorIds = new Set<string>();
  const kept: Indicator[] = [];
  for (const indicator of indicators.items) {
    const { known, live, isLive } = indicatorLinks(indicator, (id) => outcomeById.get(id) ?? null);
    if (isLive) liveIndicatorIds.add(indicator.id);
    if (isLive || includeDeleted) kept.push({ ...indicator, outcomeIds: includeDeleted ? known : live });
  }
  return {
    outcomes: outcomes.items.filter((outcome) => includeDeleted || outcome.deletedAt === null).sort(compareOutcomes),
    indicators: kept.sort(compareOrdered),
    liveIndicatorIds,
    storedIndicatorIds: new Set(indicators.items.map((indicator) => indicator.id)),
    problems: [...outcomes.problems, ...indicators.problems],
  };
}

/** Which of an indicator's links point at outcomes that exist, which at live ones, and whether it is shown. */
function indicatorLinks(
  indicator: Indicator,
  outcomeFor: (id: string) => Outcome | null,
): { known: string[]; live: string[]; isLive: boolean } {
  const known = indicator.outcomeIds.filter((id) => outcomeFor(id) !== null);
  const live = known.filter((id) => outcomeFor(id)?.deletedAt === null);
  // One never linked (or linked only to outcomes that are gone) stays visible as unlinked.
  const isLive = indicator.deletedAt === null && (live.length > 0 || known.length === 0);
  return { known, live, isLive };
}

/** Reads one outcome; null when it is missing, invalid, or deleted (unless deleted ones are asked for). */
export function readOutcome(doc: Y.Doc, id: string, options: ReadOptions = {}): Outcome | null {
  const outcome = readEntity(doc, 'outcome', id);
  if (!outcome || (outcome.deletedAt !== null && !options.includeDeleted)) return null;
  return outcome;
}

/** Reads one indicator, with its links to live outcomes; null when missing, invalid or hidden. */
export function readIndicator(doc: Y.Doc, id: string, options: ReadOptions = {}): Indicator | null {
  const indicator = readEntity(doc, 'indicator', id);
  if (!indicator) return null;
  const { known, live, isLive } = indicatorLinks(indicator, (outcomeId) => readEntity(doc, 'outcome', outcomeId));
  if (options.includeDeleted) return { ...indicator, outcomeIds: known };
  return isLive ? { ...indicator, outcomeIds: live } : null;
}

/** Reads one metric; null when missing, invalid, or hidden (deleted, or its indicator is). */
export function readMetric(doc: Y.Doc, id: string, options: ReadOptions = {}): Metric | null {
  const metric = readEntity(doc, 'metric', id);
  if (!metric || !readIndicator(doc, metric.indicatorId, { includeDeleted: true })) return null;
  if (options.includeDeleted) return metric;
  return metric.deletedAt === null && readIndicator(doc, metric.indicatorId) ? metric : null;
}

/** Reads the outcomes, sorted as the grid shows them, with the problems found. */
export function readOutcomes(
  doc: Y.Doc,
  options: ReadOptions = {},
): { outcomes: Outcome[]; problems: FrameworkProblem[] } {
  const outcomes = readAllEntities(doc, 'outcome');
  return {
    outcomes: outcomes.items
      .filter((outcome) => options.includeDeleted || outcome.deletedAt === null)
      .sort(compareOutcomes),
    problems: outcomes.problems,
  };
}

/** Reads the metrics, sorted by order key, with the problems found. */
export function readMetrics(
  doc: Y.Doc,
  options: ReadOptions = {},
): { metrics: Metric[]; problems: FrameworkProblem[] } {
  const { metrics, problems } = readFrameworkEntities(doc, options);
  return { metrics, problems };
}
