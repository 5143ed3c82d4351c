import type { NetworkDataAgenda } from '../../../shared/schemas/networks.ts';

type AgendaMetric = NetworkDataAgenda['metrics'][number];

/** "missing 5 · not accessible 2 · partial 1 of 8". */
export function gapWords(metric: Pick<AgendaMetric, 'missing' | 'notAccessible' | 'partial' | 'places'>): string {
  return `missing ${metric.missing} · not accessible ${metric.notAccessible} · partial ${metric.partial} of ${metric.places}`;
}

/** "6 of 8 places". */
export function ofPlaces(count: number, places: number): string {
  return `${count} of ${places} ${places === 1 ? 'place' : 'places'}`;
}

/** "1 place", "8 places". */
export function placesCount(count: number): string {
  return count === 1 ? '1 place' : `${count} places`;
}
