import type { BallotDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { ScaleBallotList, type ScaleQuestion } from './ScaleBallotList.tsx';

type MatrixDraft = Extract<BallotDraft, { method: 'matrix' }>;

const axes: readonly ScaleQuestion<'need' | 'influence'>[] = [
  { key: 'need', label: 'How great is the need?' },
  { key: 'influence', label: 'How much can we influence it locally?' },
];

/** Need and influence: two 1–5 choices per candidate, instead of dragging onto a chart. */
export function MatrixBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<MatrixDraft>) {
  const setAxis = (candidateId: string, axis: 'need' | 'influence', score: number | undefined): void => {
    const placement = { ...draft.placements[candidateId], [axis]: score };
    onChange({ method: 'matrix', placements: { ...draft.placements, [candidateId]: placement } });
  };
  return (
    <ScaleBallotList
      candidates={round.candidates}
      questions={axes}
      scoresOf={(candidateId) => draft.placements[candidateId]}
      placeholder="Choose 1 to 5"
      onScore={setAxis}
      previous={previous}
      disabled={disabled}
    />
  );
}
