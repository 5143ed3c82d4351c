import type { Polarity } from '../../schemas/framework.ts';

/** A value with its 95% confidence interval, any of which may be unknown (or suppressed). */
export interface Estimate {
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
}

/** How the area's value compares with the comparator's, statistically. */
export type ComparisonDirection = 'higher' | 'lower' | 'similar' | 'not-compared';
/** What that means for the metric's polarity. */
export type ComparisonJudgement = 'better' | 'worse' | 'similar' | 'no-judgement' | 'not-compared';

/** A comparison with England or the region, in words as well as keys (never colour alone). */
export interface Comparison {
  direction: ComparisonDirection;
  judgement: ComparisonJudgement;
  /** E.g. "better than England", "similar to London region", "higher than England (no judgement)". */
  words: string;
  /** Why it was not compared, when it was not. */
  reason: string | null;
}

/**
 * Compares an area with a comparator the way Public Health England's Fingertips does for most indicators: the
 * area's 95% confidence interval against the comparator's value (the comparator — England or a region — is a far
 * larger population, so its own interval is narrow and is not used). Interval entirely above the comparator's
 * value → higher; entirely below → lower; containing it → similar. No interval, or no comparator value → not compared.
 * Then the metric's polarity turns higher/lower into better/worse; a no-judgement metric is only higher or lower.
 */
export function compareWithComparator(
  area: Estimate,
  comparator: Estimate,
  polarity: Polarity,
  comparatorName: string,
): Comparison {
  const notCompared = (reason: string): Comparison => ({
    direction: 'not-compared',
    judgement: 'not-compared',
    words: `not compared with ${comparatorName} (${reason})`,
    reason,
  });
  if (area.value === null) return notCompared('no value for this area');
  if (comparator.value === null) return notCompared(`no value for ${comparatorName}`);
  if (area.lowerCi === null || area.upperCi === null) return notCompared('no confidence interval');
  const direction: ComparisonDirection =
    area.lowerCi > comparator.value ? 'higher' : area.upperCi < comparator.value ? 'lower' : 'similar';
  return { direction, ...judge(direction, polarity, comparatorName), reason: null };
}

function judge(
  direction: Exclude<ComparisonDirection, 'not-compared'>,
  polarity: Polarity,
  comparatorName: string,
): Pick<Comparison, 'judgement' | 'words'> {
  if (direction === 'similar') return { judgement: 'similar', words: `similar to ${comparatorName}` };
  if (polarity === 'no-judgement') {
    return { judgement: 'no-judgement', words: `${direction} than ${comparatorName} (no judgement)` };
  }
  const better = (direction === 'higher') === (polarity === 'higher-is-better');
  return better
    ? { judgement: 'better', words: `better than ${comparatorName}` }
    : { judgement: 'worse', words: `worse than ${comparatorName}` };
}

/** A short mark for tables and small multiples, carrying the meaning in text: "Better", "Similar", "Higher"… */
export function comparisonMark(comparison: Comparison): string {
  switch (comparison.judgement) {
    case 'better':
      return 'Better';
    case 'worse':
      return 'Worse';
    case 'similar':
      return 'Similar';
    case 'no-judgement':
      return comparison.direction === 'higher' ? 'Higher' : 'Lower';
    case 'not-compared':
      return 'Not compared';
  }
}
