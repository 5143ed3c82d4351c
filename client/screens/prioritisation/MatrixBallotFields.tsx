import { scaleMax, scaleMin } from '../../../shared/schemas/rounds.ts';
import type { BallotDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { PreviousRoundNote } from './PreviousRoundNote.tsx';
import { scaleWords } from './ScoresBallotFields.tsx';

type MatrixDraft = Extract<BallotDraft, { method: 'matrix' }>;
const scale = Array.from({ length: scaleMax - scaleMin + 1 }, (_, index) => scaleMin + index);

const axes = [
  { key: 'need', label: 'How great is the need?' },
  { key: 'influence', label: 'How much can we influence it locally?' },
] as const;

/** Need and influence: two 1–5 choices per candidate, instead of dragging onto a chart. */
export function MatrixBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<MatrixDraft>) {
  const setAxis = (candidateId: string, axis: 'need' | 'influence', value: string): void => {
    const placement = { ...draft.placements[candidateId], [axis]: value === '' ? undefined : Number(value) };
    onChange({ method: 'matrix', placements: { ...draft.placements, [candidateId]: placement } });
  };
  return (
    <ul className="ballot-list">
      {round.candidates.map((candidate) => (
        <li key={candidate.id} className="ballot-card" data-testid="ballot-row">
          <fieldset className="fieldset">
            <legend className="fieldset__legend">{candidate.label}</legend>
            <PreviousRoundNote previous={previous} candidateId={candidate.id} />
            <div className="score-grid">
              {axes.map((axis, index) => {
                const id = index === 0 ? `ballot-${candidate.id}` : `ballot-${candidate.id}-${axis.key}`;
                const value = draft.placements[candidate.id]?.[axis.key];
                return (
                  <div className="field score-grid__field" key={axis.key}>
                    <label htmlFor={id}>{axis.label}</label>
                    <select
                      id={id}
                      value={value === undefined ? '' : String(value)}
                      disabled={disabled}
                      onChange={(event) => setAxis(candidate.id, axis.key, event.target.value)}
                    >
                      <option value="">Choose 1 to 5</option>
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
