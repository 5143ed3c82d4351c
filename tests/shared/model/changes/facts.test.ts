import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareVersions } from '../../../../shared/model/changes/index.ts';
import { addIndicator, addMetric, addOutcome } from '../../../../shared/model/framework/index.ts';
import type { CommentFact, EvidenceFact, RoundFact } from '../../../../shared/schemas/cycles.ts';
import type { Decision } from '../../../../shared/schemas/decisions.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../framework/factories.ts';
import { buildFacts, outline, snapshot } from './helpers.ts';

function buildEvidence(metricId: string, overrides: Partial<EvidenceFact> = {}): EvidenceFact {
  return {
    metricId,
    areaCode: 'E06000001',
    period: '2022/23',
    periodKey: 2022,
    value: 10,
    suppressed: false,
    importedAt: '2026-10-01T00:00:00.000Z',
    comparisons: [
      { comparator: 'england', comparatorName: 'England', judgement: 'similar', words: 'similar to England' },
      { comparator: 'region', comparatorName: 'North East', judgement: 'similar', words: 'similar to the region' },
    ],
    trend: { direction: 'no-change', judgement: 'none', tested: false, words: 'No change' },
    ...overrides,
  };
}

function buildRound(id: string, closedAt: string, ranked: string[]): RoundFact {
  return {
    id,
    title: `Round ${id}`,
    closedAt,
    candidates: ranked.map((label, index) => ({ kind: 'outcome', refId: `o-${label}`, label, rank: index + 1 })),
  };
}

function buildDecision(id: string, decidedAt: string, priorities: string[]): Decision {
  return {
    id,
    roundId: 'r1',
    roundTitle: 'Spring priorities',
    priorities: priorities.map((label, index) => ({ id: `c${index}`, kind: 'outcome', refId: `o-${label}`, label })),
    statement: 'We will focus on school readiness.',
    reviewDate: '2027-03-31',
    decidedBy: 'Chair Person',
    decidedAt,
  };
}

function buildComment(id: string, overrides: Partial<CommentFact> = {}): CommentFact {
  return {
    id,
    targetKind: 'outcome',
    targetId: 'o1',
    targetLabel: 'Children are ready for school',
    resolved: false,
    authorId: 'u-ann',
    authorName: 'Ann',
    createdAt: '2026-11-01T00:00:00.000Z',
    resolvedAt: null,
    resolvedBy: null,
    ...overrides,
  };
}

/** A document with two metrics, so evidence has names to give. */
function metricsDoc(): { doc: Y.Doc; absence: string; reading: string } {
  const doc = new Y.Doc();
  const outcome = addOutcome(doc, buildOutcome());
  const indicator = addIndicator(doc, buildIndicator({ outcomeIds: [outcome] }));
  return {
    doc,
    absence: addMetric(doc, buildMetric(indicator, { name: 'School absence' })),
    reading: addMetric(doc, buildMetric(indicator, { name: 'Reading at 5' })),
  };
}

describe('compareVersions on the facts', () => {
  it('reports judgements that changed, one per comparator, with those needing attention first', () => {
    const { doc, absence, reading } = metricsDoc();
    const older = buildFacts({ evidence: [buildEvidence(absence), buildEvidence(reading)] });
    const worse = buildEvidence(absence, {
      period: '2023/24',
      periodKey: 2023,
      value: 14,
      comparisons: [
        { comparator: 'england', comparatorName: 'England', judgement: 'worse', words: 'worse than England' },
        { comparator: 'region', comparatorName: 'North East', judgement: 'worse', words: 'worse than the region' },
        { comparator: 'comparators', comparatorName: 'Similar areas', judgement: 'similar', words: 'similar' },
      ],
      trend: {
        direction: 'increasing',
        judgement: 'getting-worse',
        tested: true,
        words: 'Increasing and getting worse over the last 5 periods',
      },
    });
    const revised = buildEvidence(reading, { value: 11 });
    const { changes, summary } = compareVersions(
      { doc, facts: older },
      { doc, facts: buildFacts({ evidence: [worse, revised] }) },
    );
    expect(changes.map((change) => [outline(change), change.attention, change.before, change.after])).toEqual([
      ['evidence | changed | metric | School absence | versus-england', true, 'Similar', 'Worse'],
      ['evidence | changed | metric | School absence | versus-region', true, 'Similar', 'Worse'],
      ['evidence | changed | metric | School absence | trend', true, 'No trend', 'Getting worse (significant)'],
      ['evidence | changed | metric | Reading at 5 | latest', false, '2022/23: 10', '2022/23: 11'],
      ['evidence | changed | metric | School absence | latest', false, '2022/23: 10', '2023/24: 14'],
      // A comparator first imported with a judgement is new information, though not a worse one.
      ['evidence | changed | metric | School absence | versus-comparators', false, null, 'Similar'],
    ]);
    expect(changes[0]!.words).toBe('Worse than England (was similar), 2023/24');
    expect(changes[3]!.words).toBe('Revised, 2022/23: 11');
    expect(summary).toBe(
      '1 metric is now worse than England: “School absence”. 1 metric is now worse than the region: “School absence”. ' +
        '1 metric is now getting significantly worse: “School absence”. 6 changes: evidence: comparisons and trends (6 changed).',
    );
  });

  it('puts what needs attention before every domain, and names it first in the summary', () => {
    const { doc, absence } = metricsDoc();
    const older = snapshot(doc, buildFacts({ evidence: [buildEvidence(absence)] }));
    addOutcome(doc, buildOutcome({ statement: 'Babies are breastfed' }));
    const worse = buildEvidence(absence, {
      comparisons: [
        { comparator: 'england', comparatorName: 'England', judgement: 'worse', words: 'worse than England' },
        { comparator: 'region', comparatorName: 'North East', judgement: 'similar', words: 'similar' },
      ],
    });
    const { changes, summary } = compareVersions(older, snapshot(doc, buildFacts({ evidence: [worse] })));
    expect(changes.map(outline)).toEqual([
      'evidence | changed | metric | School absence | versus-england',
      'framework | added | outcome | Babies are breastfed | -',
    ]);
    expect(summary).toBe(
      '1 metric is now worse than England: “School absence”. ' +
        '2 changes: outcomes, indicators and metrics (1 added); evidence: comparisons and trends (1 changed).',
    );
  });

  it('does not ask for attention when a trend worsens without a significance test', () => {
    const { doc, absence } = metricsDoc();
    const now = buildEvidence(absence, {
      trend: { direction: 'increasing', judgement: 'getting-worse', tested: false, words: 'Increasing, not tested' },
    });
    const { changes } = compareVersions(
      { doc, facts: buildFacts({ evidence: [buildEvidence(absence)] }) },
      { doc, facts: buildFacts({ evidence: [now] }) },
    );
    expect(changes.map((change) => [change.field, change.attention, change.after])).toEqual([
      ['trend', false, 'Getting worse (not tested)'],
    ]);
  });

  it('reports priorities gained and lost, in rounds and in decisions', () => {
    const doc = new Y.Doc();
    const older = buildFacts({
      rounds: [buildRound('r1', '2026-09-01T00:00:00.000Z', ['A', 'B', 'C', 'D', 'E', 'F'])],
      decisions: [buildDecision('d1', '2026-09-02T00:00:00.000Z', ['A', 'B'])],
    });
    const newer = buildFacts({
      rounds: [...older.rounds, buildRound('r2', '2026-11-01T00:00:00.000Z', ['A', 'B', 'C', 'D', 'F', 'E'])],
      decisions: [...older.decisions, buildDecision('d2', '2026-11-02T00:00:00.000Z', ['A', 'C'])],
    });
    const { changes } = compareVersions({ doc, facts: older }, { doc, facts: newer });
    expect(changes.map((change) => [outline(change), change.before, change.after, change.by?.name ?? null])).toEqual([
      ['priorities | changed | outcome | B | agreed-priority', true, false, 'Chair Person'],
      ['priorities | changed | outcome | C | agreed-priority', false, true, 'Chair Person'],
      ['priorities | changed | outcome | E | top-priority', 'Ranked 5', 'Ranked 6', null],
      ['priorities | changed | outcome | F | top-priority', 'Not in the top 5', 'Ranked 5', null],
      ['decisions | added | decision | Decision on “Spring priorities” | -', null, ['A', 'C'], 'Chair Person'],
    ]);
  });

  it('reports comments opened, resolved and removed', () => {
    const doc = new Y.Doc();
    const older = buildFacts({ comments: [buildComment('k1'), buildComment('k2', { targetLabel: 'Gone' })] });
    const newer = buildFacts({
      comments: [
        buildComment('k1', { resolved: true, resolvedBy: 'Bob', resolvedAt: '2026-11-20T00:00:00.000Z' }),
        buildComment('k3', { targetLabel: 'Reading at 5', authorId: 'u-cy', authorName: 'Cy' }),
      ],
    });
    const { changes } = compareVersions({ doc, facts: older }, { doc, facts: newer });
    expect(changes.map((change) => [outline(change), change.words, change.by?.name ?? null])).toEqual([
      ['comments | changed | comment | Comment on “Children are ready for school” | status', 'Resolved', 'Bob'],
      ['comments | removed | comment | Comment on “Gone” | -', 'Removed', null],
      ['comments | added | comment | Comment on “Reading at 5” | -', 'Opened by Cy', 'Cy'],
    ]);
  });
});
