import { compareByMethod, quintileName, type MethodComparison } from '../../shared/model/evidence/significance.ts';
import type { ComparisonMethod } from '../../shared/schemas/evidenceMethods.ts';
import type { ImportDisagreement } from '../../shared/schemas/comparatorAreas.ts';
import type { Polarity } from '../../shared/schemas/framework.ts';
import { englandAreaCode } from '../../shared/schemas/observations.ts';
import type { ObservationDraft } from './observationDraft.ts';

/** The most disagreements an import report lists; the rest are counted in a note. */
export const maxListedDisagreements = 200;

/** How one metric is judged: its comparison method and polarity. */
export interface MetricJudging {
  method: ComparisonMethod;
  polarity: Polarity;
}

/** What a "Compared to …" text of a Fingertips export says, reduced to what can be checked. */
interface Verdict {
  kind: 'better' | 'worse' | 'similar' | 'higher' | 'lower' | 'not-compared' | 'quintile';
  /** The level it names ("Better 99.8%"), when it names one. */
  level: '95' | '99.8' | null;
  quintile: number | null;
}

const quintileWords: Record<string, number> = { lowest: 1, low: 2, middle: 3, high: 4, highest: 5 };

/** Reads Fingertips' own comparison text ("Better 95%", "Similar", "Not compared", "Highest"…); null if unknown. */
export function readFingertipsVerdict(text: string): Verdict | null {
  const words = text.trim().toLowerCase();
  const level = /99\.8\s*%?/.test(words) ? '99.8' : /\b95(\.0)?\s*%?/.test(words) ? '95' : null;
  const first = words.split(/[\s,(]+/)[0] ?? '';
  if (first === 'not' || words.startsWith('cannot')) return { kind: 'not-compared', level: null, quintile: null };
  if (first === 'same') return { kind: 'similar', level, quintile: null };
  if (first === 'better' || first === 'worse' || first === 'similar' || first === 'higher' || first === 'lower') {
    return { kind: first, level, quintile: null };
  }
  const quintile = quintileWords[first];
  if (quintile !== undefined) return { kind: 'quintile', level: null, quintile };
  const numbered = /^quintile\s*([1-5])\b/.exec(words);
  if (numbered) return { kind: 'quintile', level: null, quintile: Number(numbered[1]) };
  return null;
}

function verdictOf(comparison: MethodComparison): Verdict {
  if (comparison.method === 'quintiles' && comparison.quintile !== null) {
    return { kind: 'quintile', level: null, quintile: comparison.quintile };
  }
  switch (comparison.judgement) {
    case 'better':
    case 'worse':
    case 'similar':
      return { kind: comparison.judgement, level: comparison.level, quintile: null };
    case 'no-judgement':
      return { kind: comparison.direction === 'higher' ? 'higher' : 'lower', level: comparison.level, quintile: null };
    case 'not-compared':
      return { kind: 'not-compared', level: null, quintile: null };
  }
}

/** Why two verdicts differ, when the difference itself says. */
function whyTheyDiffer(
  theirs: Verdict,
  ours: Verdict,
  computed: MethodComparison,
  judging: MetricJudging,
): string | null {
  const methodWords = `the metric's method here is ${judging.method}`;
  if (ours.kind === 'not-compared') return `we could not compare: ${computed.reason ?? 'unknown reason'}`;
  if (theirs.kind === 'not-compared') return `Fingertips did not compare this row; ${methodWords}`;
  if (theirs.kind === 'quintile' && ours.kind !== 'quintile') return `Fingertips compares by quintiles; ${methodWords}`;
  if (ours.kind === 'quintile' && theirs.kind !== 'quintile') return `Fingertips compares by intervals; ${methodWords}`;
  if (theirs.kind === 'quintile') return 'the quintiles were ranked among different sets of areas';
  const judged = (kind: Verdict['kind']) => kind === 'better' || kind === 'worse';
  const direction = (kind: Verdict['kind']) => (kind === 'higher' || kind === 'lower' ? 'directional' : kind);
  if (judged(theirs.kind) && direction(ours.kind) === 'directional') {
    return 'Fingertips judges this indicator better or worse; the metric has no polarity here';
  }
  if (direction(theirs.kind) === 'directional' && judged(ours.kind)) {
    return `Fingertips makes no judgement for this indicator; the metric's polarity here is ${judging.polarity}`;
  }
  if (judged(theirs.kind) && judged(ours.kind)) {
    return `the metric's polarity here (${judging.polarity}) is the opposite of Fingertips'`;
  }
  if (theirs.level !== null && ours.level !== null && theirs.level !== ours.level) {
    return `Fingertips compared at ${theirs.level}%, we at ${ours.level}% (${methodWords})`;
  }
  if (theirs.level === '99.8' && ours.level === null) return `Fingertips compared at 99.8%; ${methodWords}`;
  return null;
}

function sameVerdict(theirs: Verdict, ours: Verdict): boolean {
  if (theirs.kind !== ours.kind) return false;
  if (theirs.kind === 'quintile') return theirs.quintile === ours.quintile;
  // "Better" without a level agrees with ours at either level; "Better 99.8%" needs ours at 99.8%.
  return theirs.level === null || theirs.level === ours.level;
}

function inWords(verdict: Verdict, comparison: MethodComparison): string {
  if (verdict.kind === 'quintile') return `${quintileName(verdict.quintile) ?? '?'} quintile`;
  return comparison.words;
}

/**
 * Compares our judgement of each kept row with the export's own "Compared to England/region" text, by the metric's
 * method, and lists where they differ. The region text is checked for the partnership's own area only: a comparator
 * area elsewhere is compared by Fingertips with its own region, which the import does not keep.
 */
export function findDisagreements(
  drafts: readonly ObservationDraft[],
  context: {
    areaCode: string;
    regionCode: string | null;
    regionName: string;
    judgingOf: (metricId: string) => MetricJudging;
  },
): { listed: ImportDisagreement[]; total: number; unreadTexts: number } {
  const key = (draft: ObservationDraft, areaCode: string) =>
    [draft.metricId, areaCode, draft.period, draft.categoryType, draft.category].join('\u0000');
  const byKey = new Map<string, ObservationDraft>();
  for (const draft of drafts) byKey.set(key(draft, draft.areaCode), draft);
  const listed: ImportDisagreement[] = [];
  let total = 0;
  let unreadTexts = 0;

  const check = (
    draft: ObservationDraft,
    text: string | null,
    comparator: 'england' | 'region',
    comparatorCode: string,
    comparatorName: string,
  ) => {
    if (text === null) return;
    const other = byKey.get(key(draft, comparatorCode));
    if (!other) return;
    const theirs = readFingertipsVerdict(text);
    if (!theirs) {
      unreadTexts += 1;
      return;
    }
    const judging = context.judgingOf(draft.metricId);
    const computed = compareByMethod(draft, other, {
      method: judging.method,
      polarity: judging.polarity,
      comparatorName,
      comparatorIsEngland: comparator === 'england',
    });
    const ours = verdictOf(computed);
    if (sameVerdict(theirs, ours)) return;
    total += 1;
    if (listed.length >= maxListedDisagreements) return;
    listed.push({
      metricId: draft.metricId,
      areaCode: draft.areaCode,
      areaName: draft.areaName,
      period: draft.period,
      categoryType: draft.categoryType,
      category: draft.category,
      comparator,
      comparatorName,
      fingertipsSaid: text,
      weComputed: inWords(ours, computed),
      why: whyTheyDiffer(theirs, ours, computed, judging),
    });
  };

  for (const draft of drafts) {
    if (draft.areaCode === englandAreaCode) continue;
    check(draft, draft.fingertipsVsEngland, 'england', englandAreaCode, 'England');
    if (draft.areaCode === context.areaCode && context.regionCode !== null) {
      check(draft, draft.fingertipsVsRegion, 'region', context.regionCode, context.regionName);
    }
  }
  return { listed, total, unreadTexts };
}
