import type { Polarity } from '../../schemas/framework.ts';
import type { Estimate } from './significance.ts';

/** One point of a series: a period with its value. */
export interface TrendPoint extends Estimate {
  period: string;
  periodKey: number;
}

/** The recent trend of a series, in words. */
export interface Trend {
  direction: 'increasing' | 'decreasing' | 'no-significant-change' | 'no-change' | 'not-enough-data';
  judgement: 'getting-better' | 'getting-worse' | 'no-judgement' | 'none';
  /** Whether the change was tested against confidence intervals. */
  tested: boolean;
  /** E.g. "Increasing and getting better over the last 5 periods (2018/19 to 2022/23)". */
  words: string;
}

/** How many of the latest periods the recent trend looks at (as Fingertips' recent trend does). */
export const trendWindow = 5;

/**
 * The recent trend: the last (up to) five periods with a value. When the first and last of them both have 95%
 * confidence intervals, a change counts only if the intervals do not overlap (a cautious test); otherwise the
 * direction is given as "not tested". Polarity turns increasing/decreasing into getting better/worse.
 */
export function recentTrend(points: readonly TrendPoint[], polarity: Polarity): Trend {
  const known = points.filter((point) => point.value !== null).sort((a, b) => a.periodKey - b.periodKey);
  const window = known.slice(-trendWindow);
  if (window.length < 2) {
    return {
      direction: 'not-enough-data',
      judgement: 'none',
      tested: false,
      words: 'Not enough data for a trend (fewer than two periods with a value)',
    };
  }
  const first = window[0]!;
  const last = window[window.length - 1]!;
  const span = `over the last ${window.length} periods (${first.period} to ${last.period})`;
  const tested = first.lowerCi !== null && first.upperCi !== null && last.lowerCi !== null && last.upperCi !== null;
  let direction: Trend['direction'];
  if (tested) {
    direction =
      last.lowerCi! > first.upperCi!
        ? 'increasing'
        : last.upperCi! < first.lowerCi!
          ? 'decreasing'
          : 'no-significant-change';
  } else {
    direction = last.value! > first.value! ? 'increasing' : last.value! < first.value! ? 'decreasing' : 'no-change';
  }
  if (direction === 'no-significant-change') {
    return { direction, judgement: 'none', tested, words: `No significant change ${span}` };
  }
  if (direction === 'no-change') return { direction, judgement: 'none', tested, words: `No change ${span}` };
  const judgement: Trend['judgement'] =
    polarity === 'no-judgement'
      ? 'no-judgement'
      : (direction === 'increasing') === (polarity === 'higher-is-better')
        ? 'getting-better'
        : 'getting-worse';
  const verb = direction === 'increasing' ? 'Increasing' : 'Decreasing';
  const meaning =
    judgement === 'getting-better' ? ' and getting better' : judgement === 'getting-worse' ? ' and getting worse' : '';
  const caveat = tested ? '' : ' — not tested for significance (no confidence intervals)';
  return { direction, judgement, tested, words: `${verb}${meaning} ${span}${caveat}` };
}
