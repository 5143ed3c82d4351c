import { candidatesFarFromGroup } from '../../shared/model/prioritisation/delphi.ts';
import type { Ballot, MatrixBallot, ScoresBallot } from '../../shared/schemas/ballots.ts';
import type { CandidateResult } from '../../shared/schemas/roundResults.ts';
import type { Candidate, MethodSettings } from '../../shared/schemas/rounds.ts';
import type { BallotDraft } from './ballotDraft.ts';

/**
 * The candidates on which the draft, as it stands, is far from last round's group: only those the voter has fully
 * answered (a half-scored candidate has no mark yet), and none on a ranking not yet ranked.
 */
export function farInDraft(
  settings: MethodSettings,
  candidates: readonly Candidate[],
  draft: BallotDraft,
  previous: readonly CandidateResult[],
): Set<string> {
  const answered = answeredBallot(settings, candidates, draft);
  if (!answered) return new Set();
  const far = candidatesFarFromGroup(settings, candidates, answered.ballot, previous);
  return new Set([...far].filter((id) => answered.candidates.has(id)));
}

/** The reasons to send: only for candidates far from the group, trimmed, none empty; undefined when there are none. */
export function reasonsToSend(
  reasons: Readonly<Record<string, string>>,
  far: ReadonlySet<string>,
): Record<string, string> | undefined {
  const sent = Object.entries(reasons)
    .map(([id, reason]) => [id, reason.trim()] as const)
    .filter(([id, reason]) => far.has(id) && reason !== '');
  return sent.length > 0 ? Object.fromEntries(sent) : undefined;
}

function answeredBallot(
  settings: MethodSettings,
  candidates: readonly Candidate[],
  draft: BallotDraft,
): { ballot: Ballot; candidates: Set<string> } | null {
  switch (draft.method) {
    case 'dots':
      // Every candidate has a mark on a dots ballot: none is a mark of 0.
      return { ballot: draft, candidates: new Set(candidates.map((candidate) => candidate.id)) };
    case 'ranking':
      return draft.unranked
        ? null
        : { ballot: { method: 'ranking', order: draft.order }, candidates: new Set(draft.order) };
    case 'scores': {
      const criteria = settings.method === 'scores' ? settings.criteria.map((criterion) => criterion.id) : [];
      const scores: ScoresBallot['scores'] = {};
      for (const [id, given] of Object.entries(draft.scores)) {
        if (criteria.every((criterion) => given[criterion] !== undefined)) {
          scores[id] = Object.fromEntries(criteria.map((criterion) => [criterion, given[criterion] ?? 0]));
        }
      }
      return { ballot: { method: 'scores', scores }, candidates: new Set(Object.keys(scores)) };
    }
    case 'matrix': {
      const placements: MatrixBallot['placements'] = {};
      for (const [id, { need, influence }] of Object.entries(draft.placements)) {
        if (need !== undefined && influence !== undefined) placements[id] = { need, influence };
      }
      return { ballot: { method: 'matrix', placements }, candidates: new Set(Object.keys(placements)) };
    }
  }
}
