import type { CandidateResult } from '../../../shared/schemas/roundResults.ts';
import type { Round } from '../../../shared/schemas/rounds.ts';

/** Last round's result per candidate (Delphi follow-ups), with the words for its aggregate. */
export interface PreviousResults {
  byCandidate: ReadonlyMap<string, CandidateResult>;
  aggregateLabel: string;
  /** The same results as a list, for the "far from the group" rule. */
  candidates: readonly CandidateResult[];
}

/** What every method's ballot fields receive. */
export interface BallotFieldsProps<D> {
  round: Round;
  draft: D;
  onChange: (draft: D) => void;
  previous: PreviousResults | null;
  /** While saving: controls stay visible but do nothing. */
  disabled: boolean;
}
