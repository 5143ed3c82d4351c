import type { Ballot, DotsBallot } from '../../schemas/ballots.ts';
import type { CandidateResult } from '../../schemas/roundResults.ts';
import type { Candidate, MethodSettings } from '../../schemas/rounds.ts';
import { candidatesFarFromGroup, maxReasonLength } from './delphi.ts';
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
 * `previous` is last round's results when this round follows one up (null otherwise): reasons are taken only then,
 * and only on candidates where the ballot is far from that group.
 */
export function ballotProblems(
  settings: MethodSettings,
  candidates: readonly (Pick<Candidate, 'id'> & { label?: string })[],
  ballot: Ballot,
  previous: readonly CandidateResult[] | null = null,
): BallotProblem[] {
  if (ballot.method !== settings.method) {
    const uses = methodLabels[settings.method].label.toLowerCase();
    return [
      { path: ['method'], message: `This round uses ${uses}, not ${methodLabels[ballot.method].label.toLowerCase()}` },
    ];
  }
  const ids = new Set(candidates.map((candidate) => candidate.id));
  // Each message says what is wrong and where (the candidate's name, or the unknown id as sent), so a refusal
  // read on its own — by a script, or in a log — needs no look-up in `issues`.
  const named = (id: string) => `“${candidates.find((candidate) => candidate.id === id)?.label ?? id}”`;
  const problems: BallotProblem[] = [];
  const unknown = (path: (string | number)[], id: string) =>
    problems.push({ path, message: `Candidate “${id}” is not on this ballot` });

  switch (ballot.method) {
    case 'dots': {
      const rules = settings as Extract<MethodSettings, { method: 'dots' }>;
      for (const [id, count] of Object.entries(ballot.dots)) {
        if (!ids.has(id)) unknown(['dots', id], id);
        else if (count > dotsCap(rules)) {
          problems.push({
            path: ['dots', id],
            message: `At most ${dotsCap(rules)} dots can go on one candidate: ${named(id)} has ${count}`,
          });
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
      for (const id of Object.keys(ballot.scores)) if (!ids.has(id)) unknown(['scores', id], id);
      for (const id of ids) {
        const scores = ballot.scores[id];
        const complete = scores !== undefined && criteria.every((criterion) => scores[criterion] !== undefined);
        const stranger = complete ? Object.keys(scores).find((criterion) => !criteria.includes(criterion)) : undefined;
        if (!complete) {
          problems.push({
            path: ['scores', id],
            message: `Score every candidate on every criterion: ${named(id)} is not fully scored`,
          });
        } else if (stranger !== undefined) {
          problems.push({
            path: ['scores', id],
            message: `Criterion “${stranger}” (on ${named(id)}) is not one of the criteria in this round`,
          });
        }
      }
      break;
    }
    case 'ranking': {
      ballot.order.forEach((id, index) => {
        if (!ids.has(id)) unknown(['order', index], id);
      });
      const twice = ballot.order.find((id, index) => ballot.order.indexOf(id) !== index);
      const missing = [...ids].filter((id) => !ballot.order.includes(id));
      const isPermutation = new Set(ballot.order).size === ballot.order.length && ballot.order.length === ids.size;
      if (!isPermutation) {
        const what =
          twice !== undefined
            ? `${named(twice)} is in it more than once`
            : missing.length > 0
              ? `${missing.map(named).join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing`
              : 'it has candidates that are not on this ballot';
        problems.push({ path: ['order'], message: `Put every candidate in the order exactly once: ${what}` });
      }
      break;
    }
    case 'matrix': {
      for (const id of Object.keys(ballot.placements)) if (!ids.has(id)) unknown(['placements', id], id);
      for (const id of ids) {
        if (!ballot.placements[id]) {
          problems.push({
            path: ['placements', id],
            message: `Rate every candidate on both questions: ${named(id)} is not rated yet`,
          });
        }
      }
      break;
    }
  }
  problems.push(...reasonProblems(settings, candidates, ballot, previous, ids, named));
  return problems;
}

/** Reasons: only in a follow-up round, one line of at most 200 characters, on a candidate far from last round's group. */
function reasonProblems(
  settings: MethodSettings,
  candidates: readonly Pick<Candidate, 'id'>[],
  ballot: Ballot,
  previous: readonly CandidateResult[] | null,
  ids: ReadonlySet<string>,
  named: (id: string) => string,
): BallotProblem[] {
  const reasons = Object.entries(ballot.reasons ?? {});
  if (reasons.length === 0) return [];
  if (previous === null) {
    return [
      {
        path: ['reasons'],
        message:
          'This round is not a follow-up of an earlier round, so there is no group to move away from: leave out reasons',
      },
    ];
  }
  const far = candidatesFarFromGroup(settings, candidates, ballot, previous);
  const problems: BallotProblem[] = [];
  for (const [id, reason] of reasons) {
    const path = ['reasons', id];
    if (!ids.has(id)) problems.push({ path, message: `Candidate “${id}” is not on this ballot` });
    else if (reason.length > maxReasonLength) {
      problems.push({
        path,
        message: `The reason for ${named(id)} is ${reason.length} characters: keep it to one line of at most ${maxReasonLength}`,
      });
    } else if (/[\r\n]/.test(reason)) {
      problems.push({ path, message: `The reason for ${named(id)} must be one line` });
    } else if (reason === '') {
      problems.push({ path, message: `The reason for ${named(id)} is empty: leave it out instead` });
    } else if (!far.has(id)) {
      problems.push({
        path,
        message: `Your mark for ${named(id)} is close to last round’s group, so no reason is asked for: leave it out`,
      });
    }
  }
  return problems;
}
