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
  /** The 99.8% limits (Fingertips exports; local data leaves them null). */
  lowerCi998: number | null;
  upperCi998: number | null;
  /** 1–5 among all areas of the row's type in the file (computed at import, before other areas are dropped). */
  quintile: number | null;
  /** The export's own "Compared to England/<region> value or percentiles" texts; null when absent or empty. */
  fingertipsVsEngland: string | null;
  fingertipsVsRegion: string | null;
}

/** The fields only a Fingertips export fills: none of them, for local data and samples. */
export const noFingertipsMethodFields: Pick<
  ObservationDraft,
  'lowerCi998' | 'upperCi998' | 'quintile' | 'fingertipsVsEngland' | 'fingertipsVsRegion'
> = { lowerCi998: null, upperCi998: null, quintile: null, fingertipsVsEngland: null, fingertipsVsRegion: null };

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
    a.periodKey === b.periodKey &&
    a.lowerCi998 === b.lowerCi998 &&
    a.upperCi998 === b.upperCi998 &&
    a.fingertipsVsEngland === b.fingertipsVsEngland &&
    a.fingertipsVsRegion === b.fingertipsVsRegion
  );
}

/** Longest text kept in a stored text field of an observation (names, periods, breakdowns, notes). */
export const observationTextLimit = 500;
