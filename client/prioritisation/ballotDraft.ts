import type { Ballot, DotsBallot, MatrixBallot, RankingBallot, ScoresBallot } from '../../shared/schemas/ballots.ts';
import type { Candidate, MethodSettings } from '../../shared/schemas/rounds.ts';

/**
 * A ballot being filled in. Scores and placements may be incomplete while the voter works through them; only a
 * complete ballot is sent, and the server checks it again.
 */
export type BallotDraft =
  | DotsBallot
  | RankingDraft
  | { method: 'scores'; scores: Record<string, Record<string, number | undefined>> }
  | { method: 'matrix'; placements: Record<string, { need?: number; influence?: number }> };

/**
 * A ranking being put in order. `unranked` marks the order the ballot first showed (the voter's own order): it is not
 * a ranking until the voter moves a candidate or confirms it with "Keep this order", so saving untouched casts
 * nothing rather than the order on screen.
 */
export type RankingDraft = RankingBallot & { unranked?: true };

/**
 * A fresh draft: my stored ballot when I have one, else an empty one (a ranking starts unranked, in the order the
 * ballot shows the candidates).
 */
export function initialDraft(
  settings: MethodSettings,
  candidates: readonly Candidate[],
  stored: Ballot | null,
): BallotDraft {
  if (stored && stored.method === settings.method) return stored;
  switch (settings.method) {
    case 'dots':
      return { method: 'dots', dots: {} };
    case 'scores':
      return { method: 'scores', scores: {} };
    case 'ranking':
      return { method: 'ranking', order: candidates.map((candidate) => candidate.id), unranked: true };
    case 'matrix':
      return { method: 'matrix', placements: {} };
  }
}

/** The draft as a ballot to send, or null when something is still unanswered. */
export function completeBallot(draft: BallotDraft): Ballot | null {
  switch (draft.method) {
    case 'dots':
      return draft;
    case 'ranking':
      return draft.unranked ? null : { method: 'ranking', order: draft.order };
    case 'scores': {
      const scores: ScoresBallot['scores'] = {};
      for (const [candidateId, criteria] of Object.entries(draft.scores)) {
        const complete: Record<string, number> = {};
        for (const [criterionId, score] of Object.entries(criteria)) {
          if (score === undefined) return null;
          complete[criterionId] = score;
        }
        scores[candidateId] = complete;
      }
      return { method: 'scores', scores };
    }
    case 'matrix': {
      const placements: MatrixBallot['placements'] = {};
      for (const [candidateId, { need, influence }] of Object.entries(draft.placements)) {
        if (need === undefined || influence === undefined) return null;
        placements[candidateId] = { need, influence };
      }
      return { method: 'matrix', placements };
    }
  }
}

/** What the voter still has to do before the draft can be saved, in their words. */
export function unansweredMessage(draft: BallotDraft): string {
  return draft.method === 'ranking'
    ? 'Nothing is ranked yet: move the candidates into your order, or choose “Keep this order” if it is already yours'
    : 'Answer every question before saving your vote';
}

/** Moves one candidate in a ranking by `offset` places, staying within the list. */
export function moveInRanking(order: readonly string[], candidateId: string, offset: number): string[] {
  const from = order.indexOf(candidateId);
  const to = Math.min(order.length - 1, Math.max(0, from + offset));
  if (from < 0 || from === to) return [...order];
  const next = [...order];
  next.splice(from, 1);
  next.splice(to, 0, candidateId);
  return next;
}
