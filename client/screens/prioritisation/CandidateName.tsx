import { candidateKindLabels } from '../../../shared/model/prioritisation/candidates.ts';
import type { CandidateKind } from '../../../shared/schemas/rounds.ts';

/**
 * A candidate's label after its kind ("Indicator", "Concern"), so a ballot or result that mixes kinds says what each
 * one is. The colon is for screen readers: the name reads "Indicator: School readiness".
 */
export function CandidateName({ candidate }: { candidate: { kind: CandidateKind; label: string } }) {
  return (
    <>
      <span className="tag tag--grey candidate-kind">
        {candidateKindLabels[candidate.kind]}
        <span className="visually-hidden">:</span>
      </span>{' '}
      {candidate.label}
    </>
  );
}
