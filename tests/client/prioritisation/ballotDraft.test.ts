import { describe, expect, it } from 'vitest';
import {
  completeBallot,
  initialDraft,
  moveInRanking,
  unansweredMessage,
} from '../../../client/prioritisation/ballotDraft.ts';
import { buildCandidates } from '../../shared/model/prioritisation/factories.ts';

describe('a ballot being filled in', () => {
  it('starts from my stored ballot, else empty (a ranking unranked, in the order shown)', () => {
    const candidates = buildCandidates(3);
    expect(initialDraft({ method: 'ranking' }, candidates, null)).toEqual({
      method: 'ranking',
      order: ['c1', 'c2', 'c3'],
      unranked: true,
    });
    const stored = { method: 'dots' as const, dots: { c2: 2 } };
    expect(initialDraft({ method: 'dots', dotsPerVoter: 3, maxPerCandidate: null }, candidates, stored)).toBe(stored);
    // A stored ballot of another method (the round changed before it opened) is not reused.
    expect(initialDraft({ method: 'matrix' }, candidates, stored)).toEqual({ method: 'matrix', placements: {} });
  });

  it('is sent only when every choice is made', () => {
    expect(completeBallot({ method: 'matrix', placements: { c1: { need: 3 } } })).toBeNull();
    expect(completeBallot({ method: 'matrix', placements: { c1: { need: 3, influence: 2 } } })).toEqual({
      method: 'matrix',
      placements: { c1: { need: 3, influence: 2 } },
    });
    expect(completeBallot({ method: 'scores', scores: { c1: { severity: 2, trend: undefined } } })).toBeNull();
  });

  it('never casts an untouched ranking: only one the voter moved or kept', () => {
    const untouched = initialDraft({ method: 'ranking' }, buildCandidates(3), null);
    expect(completeBallot(untouched)).toBeNull();
    expect(unansweredMessage(untouched)).toMatch(/Nothing is ranked yet/);
    // "Keep this order", or any move, makes it the voter's ranking; the flag is never sent.
    expect(completeBallot({ method: 'ranking', order: ['c1', 'c2', 'c3'] })).toEqual({
      method: 'ranking',
      order: ['c1', 'c2', 'c3'],
    });
    const stored = { method: 'ranking' as const, order: ['c3', 'c1', 'c2'] };
    expect(completeBallot(initialDraft({ method: 'ranking' }, buildCandidates(3), stored))).toEqual(stored);
  });

  it('moves a candidate within the ranking and never past either end', () => {
    expect(moveInRanking(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInRanking(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInRanking(['a', 'b', 'c'], 'b', 5)).toEqual(['a', 'c', 'b']);
  });
});
