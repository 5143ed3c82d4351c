import type { Domain, Indicator, Level, Metric, Outcome } from '../../schemas/framework.ts';
import { domainOrder, levelOrder } from '../framework/domains.ts';
import type { Framework } from '../framework/readFramework.ts';

/** A metric with where it sits in the framework: its indicator, the outcomes it serves and their domains and levels. */
export interface MetricContext {
  metric: Metric;
  indicator: Indicator | null;
  outcomes: Outcome[];
  /** The domains of the outcomes it serves, in display order, each once. */
  domains: Domain[];
  /** The levels of the outcomes it serves, in display order, each once. */
  levels: Level[];
}

/** Every live metric of the framework with its place in it, in framework order (by first outcome, then order key). */
export function metricContexts(framework: Pick<Framework, 'outcomes' | 'indicators' | 'metrics'>): MetricContext[] {
  const indicatorById = new Map(framework.indicators.map((indicator) => [indicator.id, indicator]));
  const outcomeRank = new Map(framework.outcomes.map((outcome, index) => [outcome.id, index]));
  const outcomeById = new Map(framework.outcomes.map((outcome) => [outcome.id, outcome]));
  const contexts = framework.metrics.map((metric): MetricContext => {
    const indicator = indicatorById.get(metric.indicatorId) ?? null;
    const outcomes = (indicator?.outcomeIds ?? [])
      .flatMap((id) => outcomeById.get(id) ?? [])
      .sort((a, b) => (outcomeRank.get(a.id) ?? 0) - (outcomeRank.get(b.id) ?? 0));
    return {
      metric,
      indicator,
      outcomes,
      domains: domainOrder.filter((domain) => outcomes.some((outcome) => outcome.domain === domain)),
      levels: levelOrder.filter((level) => outcomes.some((outcome) => outcome.level === level)),
    };
  });
  const firstRank = (context: MetricContext): number =>
    context.outcomes.length > 0 ? (outcomeRank.get(context.outcomes[0]!.id) ?? 0) : Number.MAX_SAFE_INTEGER;
  // Stable sort keeps order-key order among metrics of the same first outcome.
  return contexts.sort((a, b) => firstRank(a) - firstRank(b));
}

/** The metric contexts serving one outcome (through its indicators), in framework order (not the outcome page's). */
export function contextsForOutcome(contexts: readonly MetricContext[], outcomeId: string): MetricContext[] {
  return contexts.filter((context) => context.outcomes.some((outcome) => outcome.id === outcomeId));
}
