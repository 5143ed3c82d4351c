import type { EvidenceFact } from '../../shared/schemas/cycles.ts';
import type { Decision } from '../../shared/schemas/decisions.ts';
import type { Indicator, Metric } from '../../shared/schemas/framework.ts';

/** A date as a board chair reads it: "31 March 2027". */
export function longDate(isoDate: string): string {
  const date = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The metrics a decision's agreed priorities reach: an indicator's own, and those of every indicator of an outcome. */
export function metricsOfDecision(
  decision: Decision,
  framework: { indicators: readonly Indicator[]; metrics: readonly Metric[] },
): Metric[] {
  const indicatorIds = new Set<string>();
  for (const priority of decision.priorities) {
    if (priority.kind === 'indicator') indicatorIds.add(priority.refId);
    if (priority.kind === 'outcome') {
      for (const indicator of framework.indicators) {
        if (indicator.outcomeIds.includes(priority.refId)) indicatorIds.add(indicator.id);
      }
    }
  }
  return framework.metrics.filter((metric) => indicatorIds.has(metric.indicatorId));
}

const judgementWords: Record<EvidenceFact['comparisons'][number]['judgement'], string> = {
  better: 'better',
  worse: 'worse',
  similar: 'similar',
  'no-judgement': 'no judgement',
  'not-compared': 'not compared',
};

function isWorsening(fact: EvidenceFact | undefined): boolean {
  return fact?.trend.judgement === 'getting-worse' && fact.trend.tested;
}

/**
 * How a metric's judgement moved the wrong way between the facts of then and now, in words: worse than a comparator
 * it was not worse than, or a significant worsening trend it did not have. Empty when nothing moved that way.
 */
export function judgementMoves(
  metric: Metric,
  then: EvidenceFact | undefined,
  now: EvidenceFact | undefined,
): string[] {
  if (!now) return [];
  const moves: string[] = [];
  for (const comparison of now.comparisons) {
    if (comparison.judgement !== 'worse') continue;
    const before = then?.comparisons.find((c) => c.comparator === comparison.comparator);
    if (before?.judgement === 'worse') continue;
    const was = before ? judgementWords[before.judgement] : 'no data';
    moves.push(`${metric.name} is now ${comparison.words} (was ${was})`);
  }
  if (isWorsening(now) && !isWorsening(then)) {
    moves.push(`${metric.name} is now significantly getting worse (${now.trend.words})`);
  }
  return moves;
}

/** Why a decision comes back for review at a meeting on `meetingDate`, in words; null when it does not. */
export function reviewReason(decision: Decision, meetingDate: string, evidenceMoves: readonly string[]): string | null {
  const reasons: string[] = [];
  if (decision.reviewDate <= meetingDate.slice(0, 10)) {
    reasons.push(`Review date ${longDate(decision.reviewDate)} has passed`);
  }
  reasons.push(...evidenceMoves);
  return reasons.length > 0 ? reasons.join('; ') : null;
}
