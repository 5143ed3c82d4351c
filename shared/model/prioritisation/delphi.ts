import type { Ballot } from '../../schemas/ballots.ts';
import type { CandidateResult, MeanSpread } from '../../schemas/roundResults.ts';
import type { Candidate, MethodSettings } from '../../schemas/rounds.ts';
import { personMarks } from './personMarks.ts';

/** The longest reason a voter may give for moving away from the group (one line). */
export const maxReasonLength = 200;

/** What "far from the group" means, in the words the ballot shows beside the question. */
export const farFromGroupWords =
  'Your mark is far from the group when it differs from last round’s average by more than last round’s spread, and by at least 1.';

/**
 * Whether a mark is far from last round's group: further from its per-ballot mean than its spread (population
 * standard deviation), and by at least 1, so a group that agreed exactly (spread 0) still needs a real move.
 */
export function isFarFromGroup(mark: number, group: MeanSpread): boolean {
  const distance = Math.abs(mark - group.mean);
  return distance > group.spread && distance >= 1;
}

/**
 * The candidates on which a ballot is far from last round's group, in the method's own figure (dots, weighted score,
 * Borda points; for need × influence, either axis on its own). Candidates last round did not count are never far.
 */
export function candidatesFarFromGroup(
  settings: MethodSettings,
  candidates: readonly Pick<Candidate, 'id'>[],
  ballot: Ballot,
  previous: readonly CandidateResult[],
): Set<string> {
  const byCandidate = new Map(previous.map((result) => [result.candidateId, result]));
  const far = new Set<string>();
  if (ballot.method === 'ranking' && ballot.order.length === 0) return far;
  for (const mark of personMarks(settings, candidates, ballot)) {
    const group = byCandidate.get(mark.candidateId);
    if (!group) continue;
    if (ballot.method === 'matrix') {
      if (mark.need === undefined || mark.influence === undefined || !group.need || !group.influence) continue;
      if (isFarFromGroup(mark.need, group.need) || isFarFromGroup(mark.influence, group.influence)) {
        far.add(mark.candidateId);
      }
      continue;
    }
    // A ranking's place (1 is first) becomes the Borda points the results average: n − place.
    const value = ballot.method === 'ranking' ? candidates.length - mark.value : mark.value;
    if (isFarFromGroup(value, group)) far.add(mark.candidateId);
  }
  return far;
}

/**
 * The reasons a round's ballots gave, per candidate, with nothing of who gave them: sorted alphabetically, so
 * neither the order ballots were cast in nor the order they are stored in shows.
 */
export function reasonsByCandidate(ballots: readonly Ballot[]): Map<string, string[]> {
  const reasons = new Map<string, string[]>();
  for (const ballot of ballots) {
    for (const [candidateId, reason] of Object.entries(ballot.reasons ?? {})) {
      if (reason === '') continue;
      reasons.set(candidateId, [...(reasons.get(candidateId) ?? []), reason]);
    }
  }
  for (const list of reasons.values()) list.sort((a, b) => a.localeCompare(b, 'en'));
  return reasons;
}
