import type * as Y from 'yjs';
import type { Domain, Indicator, Level, Metric, Outcome } from '../../schemas/framework.ts';
import { domainOrder, levelOrder } from './domains.ts';
import { readFrameworkEntities, type FrameworkEntities, type ReadOptions } from './entities.ts';
import type { FrameworkProblem } from './readEntities.ts';

/** An outcome as the overview grid shows it, with counts of what hangs under it. */
export interface OutcomeSummary extends Outcome {
  indicatorCount: number;
  metricCount: number;
}

/** One cell of the overview grid: the outcomes of one domain at one level, in order. */
export interface FrameworkCell {
  domain: Domain;
  level: Level;
  outcomes: OutcomeSummary[];
}

/** The whole framework as plain data, grouped for the overview grid. */
export interface Framework {
  /** Domain by domain, each at every level child first: 20 cells, even empty ones. */
  cells: FrameworkCell[];
  /** Every outcome in grid order. */
  outcomes: OutcomeSummary[];
  /** Every indicator by order key; each outcome lists those that serve it in this order. */
  indicators: Indicator[];
  /** Every metric by order key; each indicator lists its own in this order. */
  metrics: Metric[];
  /** Entries of the doc that could not be read and are left out. */
  problems: FrameworkProblem[];
}

/** Reads the whole framework from the workspace doc, grouped for the overview grid. Never throws on bad content. */
export function readFramework(doc: Y.Doc, options: ReadOptions = {}): Framework {
  return frameworkFromEntities(readFrameworkEntities(doc, options));
}

/** Groups framework entities (as `readFrameworkEntities` returns them) for the overview grid, with counts. */
export function frameworkFromEntities({ outcomes, indicators, metrics, problems }: FrameworkEntities): Framework {
  const metricCounts = new Map<string, number>();
  for (const metric of metrics) metricCounts.set(metric.indicatorId, (metricCounts.get(metric.indicatorId) ?? 0) + 1);
  const summaries = new Map<string, OutcomeSummary>(
    outcomes.map((outcome) => [outcome.id, { ...outcome, indicatorCount: 0, metricCount: 0 }]),
  );
  for (const indicator of indicators) {
    for (const outcomeId of indicator.outcomeIds) {
      const summary = summaries.get(outcomeId);
      if (!summary) continue;
      summary.indicatorCount += 1;
      summary.metricCount += metricCounts.get(indicator.id) ?? 0;
    }
  }
  const ordered = Array.from(summaries.values());
  return { cells: gridCells(ordered), outcomes: ordered, indicators, metrics, problems };
}

/** Groups outcomes (already in grid order) into the 20 domain × level cells. */
export function gridCells(outcomes: readonly OutcomeSummary[]): FrameworkCell[] {
  const cells: FrameworkCell[] = [];
  for (const domain of domainOrder) {
    for (const level of levelOrder) {
      cells.push({ domain, level, outcomes: outcomes.filter((o) => o.domain === domain && o.level === level) });
    }
  }
  return cells;
}

/** The cell of the grid for one domain and level (empty when the framework has none there). */
export function frameworkCell(framework: Framework, domain: Domain, level: Level): FrameworkCell {
  return (
    framework.cells.find((cell) => cell.domain === domain && cell.level === level) ?? { domain, level, outcomes: [] }
  );
}

/** The indicators serving an outcome, in order. */
export function indicatorsForOutcome(framework: Framework, outcomeId: string): Indicator[] {
  return framework.indicators.filter((indicator) => indicator.outcomeIds.includes(outcomeId));
}

/** The metrics of an indicator, in order. */
export function metricsForIndicator(framework: Framework, indicatorId: string): Metric[] {
  return framework.metrics.filter((metric) => metric.indicatorId === indicatorId);
}

/** The metrics serving an outcome, in the order its page lists them: by indicator, then within each indicator. */
export function metricsForOutcome(framework: Framework, outcomeId: string): Metric[] {
  return indicatorsForOutcome(framework, outcomeId).flatMap((indicator) =>
    metricsForIndicator(framework, indicator.id),
  );
}

/** Indicators that serve no outcome yet, so people can find and link them. */
export function unlinkedIndicators(framework: Framework): Indicator[] {
  return framework.indicators.filter((indicator) => indicator.outcomeIds.length === 0);
}
