import type { Trends } from '../../../shared/schemas/cycles.ts';

type TrendVersion = Trends['versions'][number];
type AvailabilityPoint = Trends['availability'][number]['points'][number];
type RankPoint = Trends['priorities'][number]['points'][number];

const monthYear = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric' });
const shortDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });

/** A version's moment as a board chair says it: "March 2027". */
export function whenWords(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : monthYear.format(date);
}

/** How many versions the trends span, and when: "4 versions, from January 2027 to May 2027." */
export function spanWords(versions: readonly TrendVersion[]): string {
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!first || !last) return 'No versions yet.';
  const [from, to] = [whenWords(first.createdAt), whenWords(last.createdAt)];
  const count = versions.length === 1 ? '1 version' : `${versions.length} versions`;
  return from === to ? `${count}, taken in ${from}.` : `${count}, from ${from} to ${to}.`;
}

/** A short date for a chart's axis: "14 Mar". */
export function axisDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDate.format(date);
}

/** A share as a whole percentage: 40%. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** One version's availability in a table cell: "4 of 10". */
export function countWords(point: AvailabilityPoint): string {
  return point.metrics === 0 ? 'No metrics' : `${point.available} of ${point.metrics}`;
}

/**
 * A domain's trend in one sentence, the latest first: "Safe: 55% of metrics had data in May 2027 (the latest
 * version), up from 40% in January 2027." The first and latest versions with metrics are compared; the table carries
 * every version.
 */
export function availabilitySentence(
  domainName: string,
  points: readonly AvailabilityPoint[],
  versions: readonly TrendVersion[],
): string {
  const withMetrics = points.flatMap((point, index) =>
    point.share === null ? [] : [{ share: point.share, version: versions[index]! }],
  );
  const first = withMetrics[0];
  const last = withMetrics[withMetrics.length - 1];
  if (!first || !last) return `${domainName}: no metrics in any version yet.`;
  // Two versions of the same month are told apart by their names.
  const sameMonth = whenWords(first.version.createdAt) === whenWords(last.version.createdAt);
  const at = (version: TrendVersion) => (sameMonth ? `at “${version.label}”` : `in ${whenWords(version.createdAt)}`);
  const latest = last.version === versions[versions.length - 1] ? ' (the latest version)' : '';
  const now = `${domainName}: ${percent(last.share)} of metrics had data ${at(last.version)}${latest}`;
  if (first === last) return `${now}.`;
  const then = `${percent(first.share)} ${at(first.version)}`;
  if (percent(first.share) === percent(last.share)) return `${now}, the same as ${then}.`;
  return `${now}, ${last.share > first.share ? 'up' : 'down'} from ${then}.`;
}

/** A rank in words: "1st of 3". */
export function rankWords(point: Pick<RankPoint, 'rank' | 'of'>): string {
  const { rank } = point;
  const tens = rank % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][rank % 10] ?? 'th');
  return `${rank}${suffix} of ${point.of}`;
}

/** How a candidate moved between its last two rounds: "up 2 places since April priorities". */
export function rankMoveWords(points: readonly RankPoint[]): string {
  const last = points[points.length - 1];
  const before = points[points.length - 2];
  if (!last) return '';
  if (!before) return `${rankWords(last)} in ${last.roundTitle}, its only round so far`;
  const places = before.rank - last.rank;
  const moved =
    places === 0
      ? 'the same place as in'
      : `${places > 0 ? 'up' : 'down'} ${Math.abs(places)} ${Math.abs(places) === 1 ? 'place' : 'places'} since`;
  return `${rankWords(last)} in ${last.roundTitle}, ${moved} ${before.roundTitle}`;
}
