import type { AgeStage, Domain, Indicator, Level, Metric, Scope } from '../../schemas/framework.ts';
import {
  gridCells,
  indicatorsForOutcome,
  metricsForIndicator,
  type Framework,
  type OutcomeSummary,
} from './readFramework.ts';

/** What people can narrow the framework by; every criterion given must match. */
export interface FrameworkFilter {
  domain?: Domain;
  level?: Level;
  scope?: Scope;
  /** Outcomes tagged with this stage, and those with no stage (they apply at every age). */
  ageStage?: AgeStage;
  /** Words to find in an outcome, or in the indicators and metrics under it. */
  text?: string;
}

/** What a text search found, each list in framework order. */
export interface FrameworkSearchResult {
  outcomes: OutcomeSummary[];
  indicators: Indicator[];
  metrics: Metric[];
}

/** Lower-cases and strips accents and extra spaces, so "Café" and "cafe " find the same things. */
export function normaliseSearchText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

function contains(needle: string, ...haystacks: string[]): boolean {
  return haystacks.some((haystack) => normaliseSearchText(haystack).includes(needle));
}

function indicatorMatches(framework: Framework, indicator: Indicator, needle: string): boolean {
  return (
    contains(needle, indicator.name, indicator.definition) ||
    metricsForIndicator(framework, indicator.id).some((metric) => metricMatches(metric, needle))
  );
}

function metricMatches(metric: Metric, needle: string): boolean {
  return contains(needle, metric.name, metric.definition, metric.source);
}

/** Whether one outcome passes a filter (text also searches the indicators and metrics under it). */
export function outcomeMatches(framework: Framework, outcome: OutcomeSummary, filter: FrameworkFilter): boolean {
  if (filter.domain && outcome.domain !== filter.domain) return false;
  if (filter.level && outcome.level !== filter.level) return false;
  if (filter.scope && outcome.scope !== filter.scope) return false;
  if (filter.ageStage && outcome.ageStages.length > 0 && !outcome.ageStages.includes(filter.ageStage)) return false;
  const needle = normaliseSearchText(filter.text ?? '');
  if (needle === '') return true;
  return (
    contains(needle, outcome.statement, outcome.description) ||
    indicatorsForOutcome(framework, outcome.id).some((indicator) => indicatorMatches(framework, indicator, needle))
  );
}

/**
 * The framework narrowed to the outcomes that pass the filter. Cells outside a chosen domain or level are dropped,
 * so the grid shows only the rows and columns asked for; other cells stay, possibly empty. Indicators and metrics
 * are kept whole, so the outcome page helpers still work on the result.
 */
export function filterFramework(framework: Framework, filter: FrameworkFilter): Framework {
  const outcomes = framework.outcomes.filter((outcome) => outcomeMatches(framework, outcome, filter));
  const cells = gridCells(outcomes).filter(
    (cell) => (!filter.domain || cell.domain === filter.domain) && (!filter.level || cell.level === filter.level),
  );
  return { ...framework, cells, outcomes };
}

/** Finds outcomes, indicators and metrics whose own words contain the search text. */
export function searchFramework(framework: Framework, text: string): FrameworkSearchResult {
  const needle = normaliseSearchText(text);
  if (needle === '') return { outcomes: [], indicators: [], metrics: [] };
  return {
    outcomes: framework.outcomes.filter((outcome) => contains(needle, outcome.statement, outcome.description)),
    indicators: framework.indicators.filter((indicator) => contains(needle, indicator.name, indicator.definition)),
    metrics: framework.metrics.filter((metric) => metricMatches(metric, needle)),
  };
}
