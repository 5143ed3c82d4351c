import type { Polarity } from '../../schemas/framework.ts';
import type { Trend, TrendPoint } from './trend.ts';
import { trendJudgement, trendMarker } from './trendMarker.ts';

/**
 * The trend of a metric whose value type nobody has told us (no indicator metadata), so Fingertips' test cannot be
 * chosen: the last (up to) five periods with a value, a change counted only when the first and last 95% intervals
 * do not overlap (a cautious comparison, not Fingertips' test); without intervals, the direction "not tested for
 * significance". Kept so metrics without metadata still show a trend, with its method said on screen.
 */
export function intervalTrend(points: readonly TrendPoint[], polarity: Polarity, window: number): Trend {
  const method = { method: 'interval-overlap' as const, statistic: null, pValue: null };
  const known = points.filter((point) => point.value !== null).sort((a, b) => a.periodKey - b.periodKey);
  const recent = known.slice(-window);
  if (recent.length < 2) {
    const words = 'Not enough data for a trend (fewer than two periods with a value)';
    return {
      ...method,
      direction: 'not-enough-data',
      judgement: 'none',
      tested: false,
      words,
      marker: 'Could not be calculated',
      reason: 'fewer than two periods with a value',
    };
  }
  const first = recent[0]!;
  const last = recent[recent.length - 1]!;
  const span = `over the last ${recent.length} periods (${first.period} to ${last.period})`;
  const tested = first.lowerCi !== null && first.upperCi !== null && last.lowerCi !== null && last.upperCi !== null;
  let direction: 'increasing' | 'decreasing' | 'no-significant-change' | 'no-change';
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
  const reason = tested ? null : 'no confidence intervals';
  if (direction === 'no-significant-change' || direction === 'no-change') {
    const marker = tested ? ('No significant change' as const) : ('Could not be calculated' as const);
    const words = `${direction === 'no-change' ? 'No change' : 'No significant change'} ${span}`;
    return { ...method, direction, judgement: 'none', tested, words, marker, reason };
  }
  const judgement = trendJudgement(direction, polarity);
  const marker = trendMarker(direction, judgement);
  const caveat = tested ? '' : ' — not tested for significance (no confidence intervals)';
  return {
    ...method,
    direction,
    judgement,
    tested,
    words: `${marker} ${span}${caveat}`,
    marker: tested ? marker : 'Could not be calculated',
    reason,
  };
}
