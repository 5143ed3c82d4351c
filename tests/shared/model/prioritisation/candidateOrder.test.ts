import { describe, expect, it } from 'vitest';
import {
  ballotOrderFor,
  candidateOrderOf,
  shuffledForVoter,
} from '../../../../shared/model/prioritisation/candidateOrder.ts';
import { MethodSettingsSchema, type MethodSettings } from '../../../../shared/schemas/rounds.ts';
import { buildCandidates } from './factories.ts';

const ids = buildCandidates(12).map((candidate) => candidate.id);

describe('shuffledForVoter', () => {
  it('is a permutation of the candidates, and leaves its input alone', () => {
    const before = [...ids];
    for (const voter of ['user-1', 'user-2', 'user-3', 'a', '']) {
      const order = shuffledForVoter(ids, 'round-1', voter);
      expect(order).toHaveLength(ids.length);
      expect([...order].sort()).toEqual([...ids].sort());
    }
    expect(ids).toEqual(before);
  });

  it('is the same for one voter every time (a reload shows the same order)', () => {
    expect(shuffledForVoter(ids, 'round-1', 'user-1')).toEqual(shuffledForVoter([...ids], 'round-1', 'user-1'));
  });

  it('differs between voters, and between rounds for one voter', () => {
    const voters = Array.from({ length: 20 }, (_, index) => `user-${index}`);
    const orders = new Set(voters.map((voter) => shuffledForVoter(ids, 'round-1', voter).join(',')));
    // Twenty voters over 12! orders: any repeat would mean the seed hardly spreads.
    expect(orders.size).toBe(voters.length);
    expect(shuffledForVoter(ids, 'round-1', 'user-1')).not.toEqual(shuffledForVoter(ids, 'round-2', 'user-1'));
  });

  it('puts each candidate first for some voter: no position is favoured by construction', () => {
    const firsts = new Set(
      Array.from({ length: 400 }, (_, index) => shuffledForVoter(ids, 'round-1', `user-${index}`)[0]),
    );
    expect(firsts.size).toBe(ids.length);
  });

  it('handles no candidates and one candidate', () => {
    expect(shuffledForVoter([], 'round-1', 'user-1')).toEqual([]);
    expect(shuffledForVoter(['c1'], 'round-1', 'user-1')).toEqual(['c1']);
  });
});

describe('candidateOrderOf', () => {
  it('shuffles ranking and dots by default, keeps the listed order for scores and matrix', () => {
    const settings: MethodSettings[] = [
      { method: 'ranking' },
      { method: 'dots', dotsPerVoter: 5, maxPerCandidate: null },
      { method: 'scores', criteria: [{ id: 'severity', label: 'Severity', weight: 1 }] },
      { method: 'matrix' },
    ];
    expect(settings.map(candidateOrderOf)).toEqual(['shuffled', 'shuffled', 'framework', 'framework']);
  });

  it('follows the facilitator’s choice either way', () => {
    expect(candidateOrderOf({ method: 'ranking', candidateOrder: 'framework' })).toBe('framework');
    expect(candidateOrderOf({ method: 'matrix', candidateOrder: 'shuffled' })).toBe('shuffled');
  });

  it('is kept in the settings JSON, and a round stored before it parses unchanged', () => {
    expect(MethodSettingsSchema.parse({ method: 'ranking', candidateOrder: 'framework' })).toEqual({
      method: 'ranking',
      candidateOrder: 'framework',
    });
    expect(MethodSettingsSchema.parse({ method: 'ranking' })).toEqual({ method: 'ranking' });
    expect(MethodSettingsSchema.safeParse({ method: 'ranking', candidateOrder: 'alphabetical' }).success).toBe(false);
  });
});

describe('ballotOrderFor', () => {
  it('shuffles per voter only when the round says so', () => {
    const candidates = buildCandidates(8);
    const shuffled = ballotOrderFor({ id: 'round-1', settings: { method: 'ranking' }, candidates }, 'user-1');
    expect(shuffled).toEqual(shuffledForVoter(candidates, 'round-1', 'user-1'));
    const listed = ballotOrderFor(
      { id: 'round-1', settings: { method: 'ranking', candidateOrder: 'framework' }, candidates },
      'user-1',
    );
    expect(listed).toEqual(candidates);
  });
});
