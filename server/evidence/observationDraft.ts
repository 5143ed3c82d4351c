import type { ObservationSource } from '../../shared/schemas/observations.ts';

/** An observation read from a file, before it is stored: what the unique key and the stored values are made of. */
export interface ObservationDraft {
  metricId: string;
  areaCode: string;
  areaName: string;
  period: string;
  periodKey: number;
  categoryType: string;
  category: string;
  value: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  count: number | null;
  denominator: number | null;
  note: string;
  source: ObservationSource;
}

/** The unique key of an observation within a partnership: metric, area, period and breakdown. */
export function observationKey(
  draft: Pick<ObservationDraft, 'metricId' | 'areaCode' | 'period' | 'categoryType' | 'category'>,
): string {
  return [draft.metricId, draft.areaCode, draft.period, draft.categoryType, draft.category].join('\u0000');
}

/** Whether two drafts would store the same values (so a repeated row in one file is harmless). */
export function sameValues(a: ObservationDraft, b: ObservationDraft): boolean {
  return (
    a.value === b.value &&
    a.lowerCi === b.lowerCi &&
    a.upperCi === b.upperCi &&
    a.count === b.count &&
    a.denominator === b.denominator &&
    a.note === b.note &&
    a.periodKey === b.periodKey
  );
}

/** Longest text kept in a stored text field of an observation (names, periods, breakdowns, notes). */
export const observationTextLimit = 500;
