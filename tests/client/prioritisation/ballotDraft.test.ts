import { describe, expect, it } from 'vitest';
import { completeBallot, initialDraft, moveInRanking } from '../../../client/prioritisation/ballotDraft.ts';
import { buildCandidates } from '../../shared/model/prioritisation/factories.ts';

describe('a ballot being filled in', () => {
  it('starts from my stored ballot, else empty (a ranking in the listed order)', () => {
    const candidates = buildCandidates(3);
    expect(initialDraft({ method: 'ranking' }, candidates, null)).toEqual({
      method: 'ranking',
      order: ['c1', 'c2', 'c3'],
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

  it('moves a candidate within the ranking and never past either end', () => {
    expect(moveInRanking(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(moveInRanking(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(moveInRanking(['a', 'b', 'c'], 'b', 5)).toEqual(['a', 'c', 'b']);
  });
});
