import type { KeyboardEvent } from 'react';
import type { MethodSettings } from '../../../shared/schemas/rounds.ts';
import type { BallotDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { CandidateEvidence } from './CandidateEvidence.tsx';
import { CandidateName } from './CandidateName.tsx';
import { FarFromGroupReason } from './FarFromGroupReason.tsx';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';
import { scale, scaleWords } from './ScaleBallotList.tsx';

type ScoresDraft = Extract<BallotDraft, { method: 'scores' }>;
type ScoresSettings = Extract<MethodSettings, { method: 'scores' }>;

/**
 * Weighted scoring as one compact grid: a row per candidate, a column per criterion with its weight in the header,
 * and in each cell a 1–5 radio group. Native radios sharing a name give the keyboard for free (Tab to the next
 * score, arrow keys within one); typing 1 to 5 in a group chooses that score too.
 */
export function ScoresBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<ScoresDraft>) {
  const { criteria } = round.settings as ScoresSettings;
  const totalWeight = criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const setScore = (candidateId: string, criterionId: string, score: number): void => {
    if (disabled) return;
    const current = draft.scores[candidateId] ?? Object.fromEntries(criteria.map((c) => [c.id, undefined]));
    onChange({ method: 'scores', scores: { ...draft.scores, [candidateId]: { ...current, [criterionId]: score } } });
  };
  const inputId = (candidateId: string, criterionIndex: number, point: number) =>
    // The first choice of a candidate's first criterion carries the candidate's id, which the error summary links to.
    criterionIndex === 0 && point === scale[0]
      ? `ballot-${candidateId}`
      : `ballot-${candidateId}-${criterionIndex}-${point}`;
  const handleKey = (candidateId: string, criterionId: string, criterionIndex: number, event: KeyboardEvent) => {
    const point = Number(event.key);
    if (!scale.includes(point)) return;
    event.preventDefault();
    setScore(candidateId, criterionId, point);
    document.getElementById(inputId(candidateId, criterionIndex, point))?.focus();
  };

  return (
    <div className="scoring">
      <p className="hint" id="scoring-keys">
        Each score is a group of five choices: Tab moves to the next score (between candidates, by way of the next
        candidate’s evidence), and the arrow keys or the numbers 1 to 5 choose within one. 1 is very low, 5 very high.
        The weight says how much a criterion counts in the total.
      </p>
      <div className="table-scroll">
        <table className="table scoring-grid" data-testid="scoring-grid" aria-describedby="scoring-keys">
          <caption className="visually-hidden">Your scores, one row per candidate and one column per criterion</caption>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              {criteria.map((criterion) => (
                <th scope="col" key={criterion.id} className="scoring-grid__criterion">
                  {criterion.label}
                  <span className="scoring-grid__weight">
                    weight {criterion.weight}
                    {totalWeight > 0 ? ` · ${Math.round((criterion.weight / totalWeight) * 100)}% of the score` : ''}
                  </span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {round.candidates.map((candidate) => (
              <tr key={candidate.id} data-testid="ballot-row">
                <th scope="row" className="scoring-grid__candidate">
                  <CandidateName candidate={candidate} />
                  <PreviousRoundNote previous={previous} candidateId={candidate.id} />
                  <CandidateEvidence candidateId={candidate.id} label={candidate.label} />
                  <FarFromGroupReason candidateId={candidate.id} label={candidate.label} />
                </th>
                {criteria.map((criterion, criterionIndex) => {
                  const chosen = draft.scores[candidate.id]?.[criterion.id];
                  return (
                    <td key={criterion.id}>
                      <div
                        role="radiogroup"
                        className="score-choices"
                        aria-label={`${candidate.label}: ${criterion.label}`}
                        data-testid="score-group"
                        // Saving keeps the radios in place (and focus where it is) but changes nothing.
                        aria-disabled={disabled || undefined}
                        onKeyDown={(event) => handleKey(candidate.id, criterion.id, criterionIndex, event)}
                      >
                        {scale.map((point) => (
                          <label
                            key={point}
                            className={chosen === point ? 'score-choice score-choice--chosen' : 'score-choice'}
                          >
                            <input
                              type="radio"
                              id={inputId(candidate.id, criterionIndex, point)}
                              name={`score-${candidate.id}-${criterion.id}`}
                              value={point}
                              checked={chosen === point}
                              onChange={() => setScore(candidate.id, criterion.id, point)}
                            />
                            <span className="score-choice__number">{point}</span>
                            <span className="visually-hidden"> – {scaleWords[point]}</span>
                          </label>
                        ))}
                      </div>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
