import type * as Y from 'yjs';
import type { Change, EvidenceFact } from '../../schemas/cycles.ts';
import type { FrameworkReads } from './frameworkReads.ts';
import { change, type ChangeEntity, type ComparisonContext } from './context.ts';
import { entityLabel } from './framework.ts';

type Comparison = EvidenceFact['comparisons'][number];
type Judgement = Comparison['judgement'];
type TrendJudgement = EvidenceFact['trend']['judgement'];

const judgementLabels: Readonly<Record<Judgement, string>> = {
  better: 'Better',
  worse: 'Worse',
  similar: 'Similar',
  'no-judgement': 'No judgement',
  'not-compared': 'Not compared',
};

const judgementLinks: Readonly<Record<Judgement, string>> = {
  better: 'than',
  worse: 'than',
  similar: 'to',
  'no-judgement': 'against',
  'not-compared': 'with',
};

const trendLabels: Readonly<Record<TrendJudgement, string>> = {
  'getting-better': 'Getting better',
  'getting-worse': 'Getting worse',
  'no-judgement': 'Changing (no judgement)',
  none: 'No trend',
};

/** Judgements that say nothing: a comparator first appearing with one of these is not a change of judgement. */
const silent = new Set<string | null>([null, 'no-judgement', 'not-compared', 'none']);

function key(fact: Pick<EvidenceFact, 'metricId' | 'areaCode'>): string {
  return `${fact.metricId}\u0000${fact.areaCode}`;
}

/** Every metric's label, as the newer version names it (or the older one, for a metric since removed). */
function metricLabels(frameworks: FrameworkReads, docs: readonly Y.Doc[]): Map<string, string> {
  const labels = new Map<string, string>();
  for (const doc of docs) {
    for (const metric of frameworks.all(doc).metrics) {
      if (!labels.has(metric.id)) labels.set(metric.id, entityLabel('metric', metric));
    }
  }
  return labels;
}

function valueWords(fact: EvidenceFact): string {
  const value = fact.suppressed ? 'suppressed (a small count)' : fact.value === null ? 'no value' : String(fact.value);
  return `${fact.period}: ${value}`;
}

/** A trend as compared: its judgement, and whether a change was significant (tested against confidence intervals). */
function trendLabel(trend: EvidenceFact['trend']): string {
  const label = trendLabels[trend.judgement];
  const moving = trend.judgement === 'getting-better' || trend.judgement === 'getting-worse';
  return moving ? `${label}${trend.tested ? ' (significant)' : ' (not tested)'}` : label;
}

/**
 * What changed in the evidence, per metric and area: a new or revised latest observation, and above all each
 * comparison (England, region, comparator areas) and the trend whose judgement changed. A move to "worse" than a
 * comparator, or to a significant worsening trend, needs the board's attention.
 */
export function evidenceChanges(context: ComparisonContext): Change[] {
  const before = new Map(context.older.facts.evidence.map((fact) => [key(fact), fact]));
  const labels = metricLabels(context.frameworks, [context.newer.doc, context.older.doc]);
  const changes: Change[] = [];
  for (const now of context.newer.facts.evidence) {
    const was = before.get(key(now)) ?? null;
    const entity: ChangeEntity = { type: 'metric', id: now.metricId, label: labels.get(now.metricId) ?? now.metricId };
    const latest = latestChange(entity, was, now);
    if (latest) changes.push(latest);
    for (const comparison of now.comparisons) {
      const previous = was?.comparisons.find((entry) => entry.comparator === comparison.comparator) ?? null;
      const moved = comparisonChange(entity, previous, comparison, now.period);
      if (moved) changes.push(moved);
    }
    const trend = trendChange(entity, was, now);
    if (trend) changes.push(trend);
  }
  return changes;
}

function latestChange(entity: ChangeEntity, was: EvidenceFact | null, now: EvidenceFact): Change | null {
  const revised = was !== null && was.periodKey === now.periodKey;
  if (revised && was.value === now.value && was.suppressed === now.suppressed) return null;
  const words =
    was === null
      ? `First observation, ${valueWords(now)}`
      : revised
        ? `Revised, ${valueWords(now)}`
        : `New period, ${valueWords(now)}`;
  return change('evidence', 'changed', entity, {
    field: 'latest',
    before: was ? valueWords(was) : null,
    after: valueWords(now),
    words,
    by: null,
  });
}

function comparisonChange(
  entity: ChangeEntity,
  was: Comparison | null,
  now: Comparison,
  period: string,
): Change | null {
  const before = was?.judgement ?? null;
  if (before === now.judgement || (silent.has(before) && silent.has(now.judgement))) return null;
  const versus = now.comparator === 'england' ? 'England' : now.comparatorName;
  const previously = before === null ? 'not compared before' : `was ${judgementLabels[before].toLowerCase()}`;
  const verdict = `${judgementLabels[now.judgement]} ${judgementLinks[now.judgement]} ${versus}`;
  return change('evidence', 'changed', entity, {
    field: `versus-${now.comparator}`,
    before: before === null ? null : judgementLabels[before],
    after: judgementLabels[now.judgement],
    words: `${verdict} (${previously}), ${period}`,
    by: null,
    attention: now.judgement === 'worse',
  });
}

function trendChange(entity: ChangeEntity, was: EvidenceFact | null, now: EvidenceFact): Change | null {
  const before = was ? trendLabel(was.trend) : null;
  const after = trendLabel(now.trend);
  if (before === after || (was === null && silent.has(now.trend.judgement))) return null;
  return change('evidence', 'changed', entity, {
    field: 'trend',
    before,
    after,
    words: before === null ? now.trend.words : `${now.trend.words} (was ${before.toLowerCase()})`,
    by: null,
    attention: now.trend.judgement === 'getting-worse' && now.trend.tested,
  });
}
