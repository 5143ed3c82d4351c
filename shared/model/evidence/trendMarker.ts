import type { Polarity } from '../../schemas/framework.ts';

/** Fingertips' recent-trend markers, in its own words. */
export type TrendMarker =
  | 'Increasing and getting better'
  | 'Increasing and getting worse'
  | 'Decreasing and getting better'
  | 'Decreasing and getting worse'
  | 'Increasing'
  | 'Decreasing'
  | 'No significant change'
  | 'Could not be calculated';

/** What a change in one direction means for the metric's polarity. */
export type TrendJudgement = 'getting-better' | 'getting-worse' | 'no-judgement';

/** Getting better or worse for a rising or falling series; a no-judgement metric only rises or falls. */
export function trendJudgement(direction: 'increasing' | 'decreasing', polarity: Polarity): TrendJudgement {
  if (polarity === 'no-judgement') return 'no-judgement';
  return (direction === 'increasing') === (polarity === 'higher-is-better') ? 'getting-better' : 'getting-worse';
}

/** The Fingertips marker for a significant change: "Increasing and getting worse", or "Increasing" (no judgement). */
export function trendMarker(direction: 'increasing' | 'decreasing', judgement: TrendJudgement): TrendMarker {
  const verb = direction === 'increasing' ? 'Increasing' : 'Decreasing';
  if (judgement === 'getting-better') return `${verb} and getting better`;
  if (judgement === 'getting-worse') return `${verb} and getting worse`;
  return verb;
}
