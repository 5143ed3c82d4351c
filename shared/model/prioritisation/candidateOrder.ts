import type { CandidateOrder, MethodSettings, RoundMethod } from '../../schemas/rounds.ts';
import { seededRandom } from '../seededRandom.ts';

/** What each method does when the facilitator has not chosen: shuffled for ranking and dots, where position biases. */
export function defaultCandidateOrder(method: RoundMethod): CandidateOrder {
  return method === 'ranking' || method === 'dots' ? 'shuffled' : 'framework';
}

/** The order a round's ballots use: the facilitator's choice, or the method's default. */
export function candidateOrderOf(settings: MethodSettings): CandidateOrder {
  return settings.candidateOrder ?? defaultCandidateOrder(settings.method);
}

/** The order choices in the words a facilitator reads in the round builder. */
export const candidateOrderLabels: Readonly<Record<CandidateOrder, { label: string; summary: string }>> = {
  shuffled: {
    label: 'A random order for each voter',
    summary:
      'Each voter sees the candidates in their own order, the same every time they look, so position does not bias the count.',
  },
  framework: {
    label: 'The order listed',
    summary: 'Every voter sees the candidates in the order chosen here (the framework’s order).',
  },
};

/** A 32-bit hash of a string (FNV-1a): the seed of a voter's order. Not cryptographic; it only needs to spread. */
function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/**
 * A voter's own order of a round's candidates: a Fisher–Yates shuffle seeded by round and voter, so a reload (or
 * another device) shows the same order, and two voters usually see different ones. Pure; the input is not changed.
 * The order only arranges the ballot on screen: what is counted never depends on it.
 */
export function shuffledForVoter<T>(items: readonly T[], roundId: string, voterId: string): T[] {
  const random = seededRandom(hashSeed(`${roundId}\u0000${voterId}`));
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j]!, result[i]!];
  }
  return result;
}

/** The candidates in the order a voter's ballot shows them, by the round's setting. */
export function ballotOrderFor<T>(
  round: { id: string; settings: MethodSettings; candidates: readonly T[] },
  voterId: string,
): T[] {
  return candidateOrderOf(round.settings) === 'shuffled'
    ? shuffledForVoter(round.candidates, round.id, voterId)
    : [...round.candidates];
}
