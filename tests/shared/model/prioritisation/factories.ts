import type { Candidate, MethodSettings } from '../../../../shared/schemas/rounds.ts';
import type { TallyInput } from '../../../../shared/model/prioritisation/tally.ts';

/** Candidates c1…cN with outcome labels. */
export function buildCandidates(count: number): Candidate[] {
  return Array.from({ length: count }, (_, index) => ({
    id: `c${index + 1}`,
    kind: 'outcome' as const,
    refId: `outcome-${index + 1}`,
    label: `Outcome ${index + 1}`,
  }));
}

/** A tally input for an open round of three candidates; override what the test is about. */
export function buildTallyInput(settings: MethodSettings, overrides: Partial<TallyInput> = {}): TallyInput {
  return {
    roundId: 'round-1',
    state: 'open',
    settings,
    candidates: buildCandidates(3),
    ballots: [],
    turnout: { voted: 0, eligible: 10 },
    quorum: 0.5,
    ...overrides,
  };
}
