import { describe, expect, it } from 'vitest';
import { ballotProblems, dotsLeft } from '../../../../shared/model/prioritisation/ballotRules.ts';
import type { MethodSettings } from '../../../../shared/schemas/rounds.ts';
import { buildCandidates } from './factories.ts';

const candidates = buildCandidates(3);
const dots: MethodSettings = { method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 };
const messages = (settings: MethodSettings, ballot: Parameters<typeof ballotProblems>[2]) =>
  ballotProblems(settings, candidates, ballot).map((problem) => problem.message);

describe('ballotProblems', () => {
  it('accepts a dots ballot within the voter’s dots and the cap, fewer dots included', () => {
    expect(messages(dots, { method: 'dots', dots: { c1: 3, c2: 2 } })).toEqual([]);
    expect(messages(dots, { method: 'dots', dots: { c1: 1 } })).toEqual([]);
    expect(dotsLeft({ method: 'dots', dotsPerVoter: 5, maxPerCandidate: 3 }, { c1: 1 })).toBe(4);
  });

  it('refuses too many dots, too many on one candidate, none at all, and strangers', () => {
    expect(messages(dots, { method: 'dots', dots: { c1: 3, c2: 3 } })).toEqual(['You have 5 dots; this ballot uses 6']);
    expect(messages(dots, { method: 'dots', dots: { c1: 4 } })).toEqual([
      'At most 3 dots can go on one candidate: “Outcome 1” has 4',
    ]);
    expect(messages(dots, { method: 'dots', dots: {} })).toEqual(['Place at least one dot']);
    expect(messages(dots, { method: 'dots', dots: { c9: 1 } })).toEqual(['Candidate “c9” is not on this ballot']);
  });

  it('refuses a ballot of another method', () => {
    expect(messages(dots, { method: 'ranking', order: ['c1', 'c2', 'c3'] })).toEqual([
      'This round uses dot voting, not ranking',
    ]);
  });

  it('needs every candidate scored on every criterion, and nothing else', () => {
    const scores: MethodSettings = { method: 'scores', criteria: [{ id: 'severity', label: 'Severity', weight: 1 }] };
    const full = { c1: { severity: 1 }, c2: { severity: 2 }, c3: { severity: 3 } };
    expect(messages(scores, { method: 'scores', scores: full })).toEqual([]);
    expect(messages(scores, { method: 'scores', scores: { c1: { severity: 1 }, c2: { severity: 2 } } })).toEqual([
      'Score every candidate on every criterion: “Outcome 3” is not fully scored',
    ]);
    expect(messages(scores, { method: 'scores', scores: { ...full, c3: { severity: 3, trend: 2 } } })).toEqual([
      'Criterion “trend” (on “Outcome 3”) is not one of the criteria in this round',
    ]);
  });

  it('needs a ranking to be a permutation of the candidates', () => {
    const ranking: MethodSettings = { method: 'ranking' };
    expect(messages(ranking, { method: 'ranking', order: ['c3', 'c1', 'c2'] })).toEqual([]);
    expect(messages(ranking, { method: 'ranking', order: ['c1', 'c1', 'c2'] })).toEqual([
      'Put every candidate in the order exactly once: “Outcome 1” is in it more than once',
    ]);
    expect(messages(ranking, { method: 'ranking', order: ['c1', 'c2'] })).toEqual([
      'Put every candidate in the order exactly once: “Outcome 3” is missing',
    ]);
  });

  it('needs every candidate placed on the matrix', () => {
    const matrix: MethodSettings = { method: 'matrix' };
    const place = { need: 3, influence: 2 };
    expect(messages(matrix, { method: 'matrix', placements: { c1: place, c2: place, c3: place } })).toEqual([]);
    expect(messages(matrix, { method: 'matrix', placements: { c1: place, c2: place } })).toEqual([
      'Rate every candidate on both questions: “Outcome 3” is not rated yet',
    ]);
  });
});
