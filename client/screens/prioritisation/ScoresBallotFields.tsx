import type { MethodSettings } from '../../../shared/schemas/rounds.ts';
import type { BallotDraft } from '../../prioritisation/ballotDraft.ts';
import type { BallotFieldsProps } from './ballotFieldsProps.ts';
import { ScaleBallotList } from './ScaleBallotList.tsx';

type ScoresDraft = Extract<BallotDraft, { method: 'scores' }>;
type ScoresSettings = Extract<MethodSettings, { method: 'scores' }>;

/** Weighted scoring: every candidate scored 1–5 on every criterion, one labelled select per score. */
export function ScoresBallotFields({ round, draft, onChange, previous, disabled }: BallotFieldsProps<ScoresDraft>) {
  const { criteria } = round.settings as ScoresSettings;
  // Weights are shown only when they differ; equal weights say nothing.
  const weighted = criteria.some((criterion) => criterion.weight !== criteria[0]?.weight);
  const questions = criteria.map((criterion) => ({
    key: criterion.id,
    label: (
      <>
        {criterion.label}
        {weighted ? <span className="hint"> (weight {criterion.weight})</span> : null}
      </>
    ),
  }));
  const setScore = (candidateId: string, criterionId: string, score: number | undefined): void => {
    const current = draft.scores[candidateId] ?? Object.fromEntries(criteria.map((c) => [c.id, undefined]));
    onChange({ method: 'scores', scores: { ...draft.scores, [candidateId]: { ...current, [criterionId]: score } } });
  };
  return (
    <ScaleBallotList
      candidates={round.candidates}
      questions={questions}
      scoresOf={(candidateId) => draft.scores[candidateId]}
      placeholder="Choose a score"
      onScore={setScore}
      previous={previous}
      disabled={disabled}
    />
  );
}
