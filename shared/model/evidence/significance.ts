import type { Polarity } from '../../schemas/framework.ts';
import type { ComparisonMethod } from '../../schemas/evidenceMethods.ts';

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

/**
 * An area's estimate with what the other comparison methods need: its 99.8% confidence limits and its quintile
 * (1 = lowest fifth … 5 = highest fifth of all areas of its type in England, computed at import). Optional so that
 * observations without them still compare (the method then says what is missing).
 */
export interface MethodEstimate extends Estimate {
  lowerCi998?: number | null;
  upperCi998?: number | null;
  quintile?: number | null;
}

/** The significance level a confidence-interval comparison was made at. */
export type SignificanceLevel = '95' | '99.8';

/** One level of a confidence-interval comparison (the two-tier method has two). */
export interface ComparisonTier {
  level: SignificanceLevel;
  direction: ComparisonDirection;
  judgement: ComparisonJudgement;
}

/** A comparison made by a named Fingertips method, saying which method, which level held, and (two tiers) both. */
export interface MethodComparison extends Comparison {
  method: ComparisonMethod;
  /**
   * The level the judgement rests on: the method's level for a single tier; for two tiers '99.8' when the 99.8%
   * interval excludes the comparator, otherwise '95'. Null for quintiles and for no comparison.
   */
  level: SignificanceLevel | null;
  /** Each level compared, 95% first (one for a single tier, two for two tiers, none for quintiles). */
  tiers: ComparisonTier[];
  /** The area's quintile among all areas of its type in England, when compared by quintiles. */
  quintile: number | null;
}

/** How {@link compareByMethod} is asked: the method, the metric's polarity, and the comparator's name in words. */
export interface CompareByMethodOptions {
  method: ComparisonMethod;
  polarity: Polarity;
  comparatorName: string;
  /**
   * Whether the comparator is England. Quintiles rank an area among all areas of its type in England, so they answer
   * only the comparison with England; against a region they are "not compared". Defaults to a name of "England".
   */
  comparatorIsEngland?: boolean;
}

/**
 * Compares an area with a comparator by the metric's Fingertips benchmarking method: the 95% or the 99.8% confidence
 * interval against the comparator's value, both as two tiers ("worse than England (99.8% interval)" /
 * "(95% interval only)"), quintiles worded only highest … lowest (never better or worse), or not compared.
 */
export function compareByMethod(
  area: MethodEstimate,
  comparator: Estimate,
  { method, polarity, comparatorName, comparatorIsEngland = comparatorName === 'England' }: CompareByMethodOptions,
): MethodComparison {
  const none = { method, level: null, tiers: [], quintile: null };
  switch (method) {
    case 'not-compared':
      return { ...notComparedWith(comparatorName, 'this indicator is not compared'), ...none };
    case 'quintiles':
      return compareByQuintile(area, { comparatorName, comparatorIsEngland });
    case 'ci-95':
    case 'ci-99.8': {
      const level: SignificanceLevel = method === 'ci-95' ? '95' : '99.8';
      const comparison = compareWithComparator(atLevel(area, level), comparator, polarity, comparatorName);
      if (comparison.direction === 'not-compared') return { ...withLevelReason(comparison, level), ...none };
      const tier = { level, direction: comparison.direction, judgement: comparison.judgement };
      // The 95% interval was the only method before metadata, and its words stay as they were; 99.8% says so.
      const words = level === '95' ? comparison.words : withNote(comparison.words, '99.8% interval');
      return { ...comparison, words, method, level, tiers: [tier], quintile: null };
    }
    case 'ci-95-and-99.8':
      return compareInTwoTiers(area, comparator, polarity, comparatorName);
  }
}

function compareInTwoTiers(
  area: MethodEstimate,
  comparator: Estimate,
  polarity: Polarity,
  comparatorName: string,
): MethodComparison {
  const method = 'ci-95-and-99.8';
  const at95 = compareWithComparator(area, comparator, polarity, comparatorName);
  if (at95.direction === 'not-compared') {
    return { ...withLevelReason(at95, '95'), method, level: null, tiers: [], quintile: null };
  }
  const at998 = compareWithComparator(atLevel(area, '99.8'), comparator, polarity, comparatorName);
  const tiers: ComparisonTier[] = [{ level: '95', direction: at95.direction, judgement: at95.judgement }];
  if (at998.direction !== 'not-compared') {
    tiers.push({ level: '99.8', direction: at998.direction, judgement: at998.judgement });
  }
  if (at95.direction === 'similar') {
    return { ...at95, words: withNote(at95.words, '95% interval'), method, level: '95', tiers, quintile: null };
  }
  // A 99.8% interval is wider than the 95% one, so it can only agree with the 95% tier or reach the comparator.
  if (at998.direction === at95.direction) {
    return { ...at998, words: withNote(at998.words, '99.8% interval'), method, level: '99.8', tiers, quintile: null };
  }
  const only = at998.direction === 'not-compared' ? '95% interval; no 99.8% interval' : '95% interval only';
  return { ...at95, words: withNote(at95.words, only), method, level: '95', tiers, quintile: null };
}

/** Adds a note in brackets, inside any the words already end with: "higher than England (no judgement; 95% …)". */
function withNote(words: string, note: string): string {
  return words.endsWith(')') ? `${words.slice(0, -1)}; ${note})` : `${words} (${note})`;
}

const quintileNames = ['lowest', 'low', 'middle', 'high', 'highest'] as const;

/** "highest", "low"… for quintile 1–5 (1 = lowest fifth of values), or null outside 1–5. */
export function quintileName(quintile: number | null | undefined): (typeof quintileNames)[number] | null {
  if (quintile === null || quintile === undefined || !Number.isInteger(quintile)) return null;
  return quintileNames[quintile - 1] ?? null;
}

function compareByQuintile(
  area: MethodEstimate,
  { comparatorName, comparatorIsEngland }: { comparatorName: string; comparatorIsEngland: boolean },
): MethodComparison {
  const none = { method: 'quintiles' as const, level: null, tiers: [], quintile: null };
  if (area.value === null) return { ...notComparedWith(comparatorName, 'no value for this area'), ...none };
  if (!comparatorIsEngland) {
    return { ...notComparedWith(comparatorName, 'quintiles are among all areas in England'), ...none };
  }
  const name = quintileName(area.quintile);
  if (name === null) return { ...notComparedWith(comparatorName, 'no quintile for this area'), ...none };
  const quintile = area.quintile!;
  const direction: ComparisonDirection = quintile > 3 ? 'higher' : quintile < 3 ? 'lower' : 'similar';
  return {
    direction,
    judgement: 'no-judgement',
    words: `${name} quintile of areas in ${comparatorName}`,
    reason: null,
    method: 'quintiles',
    level: null,
    tiers: [],
    quintile,
  };
}

/** The area's interval at a level: the 99.8% limits put in place of the 95% ones (null when the data lacks them). */
function atLevel(area: MethodEstimate, level: SignificanceLevel): Estimate {
  if (level === '95') return area;
  return { value: area.value, lowerCi: area.lowerCi998 ?? null, upperCi: area.upperCi998 ?? null };
}

function withLevelReason(comparison: Comparison, level: SignificanceLevel): Comparison {
  if (comparison.reason !== 'no confidence interval') return comparison;
  const reason = `no ${level}% confidence interval`;
  return { ...comparison, reason, words: comparison.words.replace('no confidence interval', reason) };
}

function notComparedWith(comparatorName: string, reason: string): Comparison {
  return {
    direction: 'not-compared',
    judgement: 'not-compared',
    words: `not compared with ${comparatorName} (${reason})`,
    reason,
  };
}

/** A short mark for tables and small multiples, carrying the meaning in text: "Better", "Similar", "Higher"… */
export function comparisonMark(comparison: Comparison | MethodComparison): string {
  // A quintile is a position, not a difference: "Middle quintile", never "Lower".
  const quintile =
    'method' in comparison && comparison.method === 'quintiles' ? quintileName(comparison.quintile) : null;
  if (quintile) return `${quintile.charAt(0).toUpperCase()}${quintile.slice(1)} quintile`;
  switch (comparison.judgement) {
    case 'better':
      return 'Better';
    case 'worse':
      return 'Worse';
    case 'similar':
      return 'Similar';
    case 'no-judgement':
      return comparison.direction === 'higher' ? 'Higher' : comparison.direction === 'lower' ? 'Lower' : 'Similar';
    case 'not-compared':
      return 'Not compared';
  }
}
