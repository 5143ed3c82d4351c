import { scaleMax, scaleMin, type MethodSettings } from '../../../shared/schemas/rounds.ts';
import type { BallotDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';

type ScoresDraft = Extract<BallotDraft, { method: 'scores' }>;
type ScoresSettings = Extract<MethodSettings, { method: 'scores' }>;

/** Words for each point of the 1–5 scale, so a score never rests on a number alone. */
export const scaleWords: Readonly<Record<number, string>> = {
  1: 'very low',
  2: 'low',
  3: 'medium',
  4: 'high',
  5: 'very high',
};
const scale = Array.from({ length: scaleMax - scaleMin + 1 }, (_, index) => scaleMin + index);

/** Weighted scoring: every candidate scored 1–5 on every criterion, one labelled select per score. */
export function ScoresBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<ScoresDraft>) {
  const { criteria } = round.settings as ScoresSettings;
  const setScore = (candidateId: string, criterionId: string, value: string): void => {
    const score = value === '' ? undefined : Number(value);
    const current = draft.scores[candidateId] ?? Object.fromEntries(criteria.map((c) => [c.id, undefined]));
    onChange({ method: 'scores', scores: { ...draft.scores, [candidateId]: { ...current, [criterionId]: score } } });
  };
  return (
    <ul className="ballot-list">
      {round.candidates.map((candidate) => (
        <li key={candidate.id} className="ballot-card" data-testid="ballot-row">
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{candidate.label}</legend>
            <PreviousRoundNote previous={previous} candidateId={candidate.id} />
            <div className="score-grid">
              {criteria.map((criterion, index) => {
                const id = index === 0 ? `ballot-${candidate.id}` : `ballot-${candidate.id}-${criterion.id}`;
                const value = draft.scores[candidate.id]?.[criterion.id];
                return (
                  <div className="field score-grid__field" key={criterion.id}>
                    <label htmlFor={id}>
                      {criterion.label}
                      {criteria.some((c) => c.weight !== criterion.weight) ? (
                        <span className="hint"> (weight {criterion.weight})</span>
                      ) : null}
                    </label>
                    <select
                      id={id}
                      value={value === undefined ? '' : String(value)}
                      disabled={disabled}
                      onChange={(event) => setScore(candidate.id, criterion.id, event.target.value)}
                    >
                      <option value="">Choose a score</option>
                      {scale.map((score) => (
                        <option key={score} value={score}>
                          {score} – {scaleWords[score]}
                        </option>
                      ))}
                    </select>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </li>
      ))}
    </ul>
  );
}
