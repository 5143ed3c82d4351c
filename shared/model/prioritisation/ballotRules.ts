import type { Ballot, DotsBallot } from '../../schemas/ballots.ts';
import type { Candidate, MethodSettings } from '../../schemas/rounds.ts';
import { methodLabels } from './methods.ts';

/** Why a ballot cannot be accepted, pointing at the part of it that is wrong. */
export interface BallotProblem {
  path: (string | number)[];
  message: string;
}

/** Dots a ballot spends in total. */
export function dotsUsed(dots: DotsBallot['dots']): number {
  return Object.values(dots).reduce((sum, count) => sum + count, 0);
}

/** Dots a voter has left to place. */
export function dotsLeft(settings: Extract<MethodSettings, { method: 'dots' }>, dots: DotsBallot['dots']): number {
  return Math.max(0, settings.dotsPerVoter - dotsUsed(dots));
}

/** Most dots one candidate may take: the per-candidate cap, or all the voter's dots. */
export function dotsCap(settings: Extract<MethodSettings, { method: 'dots' }>): number {
  return settings.maxPerCandidate ?? settings.dotsPerVoter;
}

/**
 * Checks a ballot against its round's method, settings and candidates. The same rules run in the browser (to guide
 * the voter) and on the server (which alone decides). Returns no problems for a ballot that may be stored.
 */
export function ballotProblems(
  settings: MethodSettings,
  candidates: readonly Pick<Candidate, 'id'>[],
  ballot: Ballot,
): BallotProblem[] {
  if (ballot.method !== settings.method) {
    return [{ path: ['method'], message: `This round uses ${methodLabels[settings.method].label.toLowerCase()}` }];
  }
  const ids = new Set(candidates.map((candidate) => candidate.id));
  const problems: BallotProblem[] = [];
  const unknown = (path: (string | number)[]) =>
    problems.push({ path, message: 'That is not one of the candidates in this round' });

  switch (ballot.method) {
    case 'dots': {
      const rules = settings as Extract<MethodSettings, { method: 'dots' }>;
      for (const [id, count] of Object.entries(ballot.dots)) {
        if (!ids.has(id)) unknown(['dots', id]);
        else if (count > dotsCap(rules)) {
          problems.push({ path: ['dots', id], message: `At most ${dotsCap(rules)} dots can go on one candidate` });
        }
      }
      const used = dotsUsed(ballot.dots);
      if (used > rules.dotsPerVoter) {
        problems.push({ path: ['dots'], message: `You have ${rules.dotsPerVoter} dots; this ballot uses ${used}` });
      }
      if (used === 0) problems.push({ path: ['dots'], message: 'Place at least one dot' });
      break;
    }
    case 'scores': {
      const criteria = (settings as Extract<MethodSettings, { method: 'scores' }>).criteria.map((c) => c.id);
      for (const id of Object.keys(ballot.scores)) if (!ids.has(id)) unknown(['scores', id]);
      for (const id of ids) {
        const scores = ballot.scores[id];
        const complete = scores !== undefined && criteria.every((criterion) => scores[criterion] !== undefined);
        if (!complete) problems.push({ path: ['scores', id], message: 'Score every candidate on every criterion' });
        else if (Object.keys(scores).some((criterion) => !criteria.includes(criterion))) {
          problems.push({ path: ['scores', id], message: 'That is not one of the criteria in this round' });
        }
      }
      break;
    }
    case 'ranking': {
      ballot.order.forEach((id, index) => {
        if (!ids.has(id)) unknown(['order', index]);
      });
      const isPermutation = new Set(ballot.order).size === ballot.order.length && ballot.order.length === ids.size;
      if (!isPermutation) problems.push({ path: ['order'], message: 'Put every candidate in the order exactly once' });
      break;
    }
    case 'matrix': {
      for (const id of Object.keys(ballot.placements)) if (!ids.has(id)) unknown(['placements', id]);
      for (const id of ids) {
        if (!ballot.placements[id])
          problems.push({ path: ['placements', id], message: 'Rate every candidate on both questions' });
      }
      break;
    }
  }
  return problems;
}
