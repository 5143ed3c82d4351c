import type { ReactNode } from 'react';
import { scaleMax, scaleMin, type Candidate } from '../../../shared/schemas/rounds.ts';
import type { PreviousResults } from './ballotFieldsProps.ts';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';
import { FarFromGroupReason } from './FarFromGroupReason.tsx';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';

/** Words for each point of the 1–5 scale, so a score never rests on a number alone. */
export const scaleWords: Readonly<Record<number, string>> = {
  1: 'very low',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'very high',
};
export const scale = Array.from({ length: scaleMax - scaleMin + 1 }, (_, index) => scaleMin + index);

/** Something a candidate is scored on: a weighted criterion, or need or influence. */
export interface ScaleQuestion<K extends string> {
  key: K;
  label: ReactNode;
}

interface ScaleBallotListProps<K extends string> {
  candidates: readonly Candidate[];
  questions: readonly ScaleQuestion<K>[];
  /** The scores a candidate has been given so far. */
  scoresOf: (candidateId: string) => Readonly<Partial<Record<K, number>>> | undefined;
  /** What a select says before a score is chosen. */
  placeholder: string;
  onScore: (candidateId: string, question: K, score: number | undefined) => void;
  previous: PreviousResults | null;
  disabled: boolean;
}

/** A scored ballot: every candidate with a labelled 1–5 select per question, under last round's result. */
export function ScaleBallotList<K extends string>({
  candidates,
  questions,
  scoresOf,
  placeholder,
  onScore,
  previous,
  disabled,
}: ScaleBallotListProps<K>) {
  return (
    <ul className="ballot-list">
      {candidates.map((candidate) => (
        <li key={candidate.id} className="ballot-card" data-testid="ballot-row">
          <fieldset className="fieldset">
            <legend className="fieldset__legend">
              <CandidateName candidate={candidate} />
            </legend>
            <PreviousRoundNote previous={previous} candidateId={candidate.id} />
            <CandidateEvidence candidateId={candidate.id} label={candidate.label} />
            <div className="score-grid">
              {questions.map((question, index) => {
                // The first select carries the candidate's own id, which the error summary links to.
                const id = index === 0 ? `ballot-${candidate.id}` : `ballot-${candidate.id}-${question.key}`;
                const score = scoresOf(candidate.id)?.[question.key];
                return (
                  <div className="field score-grid__field" key={question.key}>
                    <label htmlFor={id}>{question.label}</label>
                    <select
                      id={id}
                      value={score === undefined ? '' : String(score)}
                      disabled={disabled}
                      onChange={(event) =>
                        onScore(
                          candidate.id,
                          question.key,
                          event.target.value === '' ? undefined : Number(event.target.value),
                        )
                      }
                    >
                      <option value="">{placeholder}</option>
                      {scale.map((point) => (
                        <option key={point} value={point}>
                          {point} – {scaleWords[point]}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </div>
            <FarFromGroupReason candidateId={candidate.id} label={candidate.label} />
          </fieldset>
        </li>
      ))}
    </ul>
  );
}
