import type { Polarity } from '../../schemas/framework.ts';
import type {
  ComparatorArea,
  ComparatorAreaJudgement,
  ComparatorComparison,
  MetricComparators,
} from '../../schemas/comparatorAreas.ts';
import type { Observation } from '../../schemas/observations.ts';
import type { Estimate } from './significance.ts';

/** The method by which the place is compared with a comparator area, in words for the page. */
export const comparatorMethodWords =
  "The place's 95% confidence interval against the comparator area's own 95% interval: when the two intervals do " +
  'not overlap the difference is significant (higher or lower; better or worse by the metric’s polarity); when ' +
  'they overlap, similar. Comparator areas are populations of the same size, so their own intervals count.';

/** How the place compares with one comparator area: the judgement key and the words. */
export interface ComparatorVerdict {
  judgement: ComparatorAreaJudgement;
  words: string;
}

/**
 * Compares the place with a comparator area of similar size: the two 95% confidence intervals. No overlap →
 * significantly higher or lower (better or worse by polarity; a no-judgement metric stays higher or lower); an overlap,
 * touching included → similar. Either value or interval missing → not compared, saying why.
 */
export function compareWithComparatorArea(
  place: Estimate,
  comparator: Estimate & { suppressed?: boolean },
  polarity: Polarity,
  comparatorName: string,
): ComparatorVerdict {
  const notCompared = (reason: string): ComparatorVerdict => ({
    judgement: 'not-compared',
    words: `not compared with ${comparatorName} (${reason})`,
  });
  if (comparator.suppressed) return notCompared('its value is suppressed: a small count');
  if (place.value === null) return notCompared('no value for this area');
  if (comparator.value === null) return notCompared(`no value for ${comparatorName}`);
  if (place.lowerCi === null || place.upperCi === null) return notCompared('no confidence interval for this area');
  if (comparator.lowerCi === null || comparator.upperCi === null) {
    return notCompared(`no confidence interval for ${comparatorName}`);
  }
  const direction =
    place.lowerCi > comparator.upperCi ? 'higher' : place.upperCi < comparator.lowerCi ? 'lower' : 'similar';
  if (direction === 'similar') return { judgement: 'similar', words: `similar to ${comparatorName}` };
  if (polarity === 'no-judgement') {
    return { judgement: direction, words: `significantly ${direction} than ${comparatorName} (no judgement)` };
  }
  const better = (direction === 'higher') === (polarity === 'higher-is-better');
  return better
    ? { judgement: 'better', words: `significantly better than ${comparatorName}` }
    : { judgement: 'worse', words: `significantly worse than ${comparatorName}` };
}

/** Which end of the ranking is 1st: the best by polarity, or the highest for a metric with no judgement. */
export function rankFirstIs(polarity: Polarity): 'highest' | 'lowest' {
  return polarity === 'lower-is-better' ? 'lowest' : 'highest';
}

/**
 * The place's rank among itself and its comparators (1 = first, see {@link rankFirstIs}); equal values share a rank
 * (standard competition ranking: 1, 2, 2, 4). Null when the place has no value.
 */
export function rankAmong(placeValue: number | null, others: readonly number[], polarity: Polarity): number | null {
  if (placeValue === null) return null;
  const first = rankFirstIs(polarity);
  return 1 + others.filter((value) => (first === 'highest' ? value > placeValue : value < placeValue)).length;
}

/** "1st", "2nd", "3rd", "11th", "22nd"… */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** The rank in words, saying which direction is 1st: "3rd of 11 (1st = lowest, the best for this metric)". */
export function rankWords(rank: number | null, ranked: number, polarity: Polarity): string {
  const first = rankFirstIs(polarity);
  const direction =
    polarity === 'no-judgement'
      ? `1st = highest; no judgement of better or worse`
      : `1st = ${first}, the best for this metric`;
  if (rank === null) return `not ranked (no value for this area)`;
  return `${ordinal(rank)} of ${ranked} (${direction})`;
}

/**
 * The place against its comparator areas in the latest period where the place has a value (whole population only):
 * each comparator's value and interval with the comparison, the place's rank among itself and the comparators with
 * a value, and the comparators' range. Works on observations already suppressed: a suppressed value is neither
 * ranked, nor in the range, nor compared.
 */
export function comparatorEvidence(
  observations: readonly Observation[],
  placeCode: string,
  placeName: string,
  comparators: readonly ComparatorArea[],
  polarity: Polarity,
): MetricComparators {
  const whole = observations.filter((observation) => observation.categoryType === '');
  const latest = whole
    .filter((observation) => observation.areaCode === placeCode && observation.value !== null)
    .reduce<Observation | null>(
      (best, observation) => (!best || observation.periodKey > best.periodKey ? observation : best),
      null,
    );
  const empty: MetricComparators = {
    chosen: comparators.length,
    period: null,
    place: null,
    rank: null,
    ranked: 0,
    firstIs: rankFirstIs(polarity),
    rankWords: rankWords(null, 0, polarity),
    range: null,
    areas: [],
  };
  if (!latest || comparators.length === 0) return empty;
  const inPeriod = new Map(
    whole
      .filter((observation) => observation.periodKey === latest.periodKey && observation.period === latest.period)
      .map((observation) => [observation.areaCode, observation]),
  );
  const place = {
    areaCode: placeCode,
    areaName: latest.areaName === placeCode ? placeName : latest.areaName,
    value: latest.value,
    lowerCi: latest.lowerCi,
    upperCi: latest.upperCi,
    suppressed: latest.suppressed,
  };
  const areas: ComparatorComparison[] = comparators.map((comparator) => {
    const observation = inPeriod.get(comparator.code);
    const areaName = observation && observation.areaName !== comparator.code ? observation.areaName : comparator.name;
    const values = {
      areaCode: comparator.code,
      areaName,
      value: observation?.value ?? null,
      lowerCi: observation?.lowerCi ?? null,
      upperCi: observation?.upperCi ?? null,
      suppressed: observation?.suppressed ?? false,
    };
    const verdict = compareWithComparatorArea(place, values, polarity, areaName);
    return { ...values, method: 'ci-95-overlap', methodWords: comparatorMethodWords, level: '95', ...verdict };
  });
  const withValues = areas.filter((area): area is ComparatorComparison & { value: number } => area.value !== null);
  const rank = rankAmong(
    place.value,
    withValues.map((area) => area.value),
    polarity,
  );
  const ranked = withValues.length + 1;
  let range: MetricComparators['range'] = null;
  for (const area of withValues) {
    if (!range) range = { min: area.value, minAreaName: area.areaName, max: area.value, maxAreaName: area.areaName };
    if (area.value < range.min) Object.assign(range, { min: area.value, minAreaName: area.areaName });
    if (area.value > range.max) Object.assign(range, { max: area.value, maxAreaName: area.areaName });
  }
  return {
    ...empty,
    period: latest.period,
    place,
    rank,
    ranked,
    rankWords: rankWords(rank, ranked, polarity),
    range,
    areas,
  };
}
