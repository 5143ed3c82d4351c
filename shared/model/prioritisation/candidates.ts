import type * as Y from 'yjs';
import type { ConcernKind } from '../../schemas/concerns.ts';
import type { CandidateInput, CandidateKind } from '../../schemas/rounds.ts';
import { readConcern } from '../concerns/concerns.ts';
import { readIndicator, readOutcome } from '../framework/entities.ts';

/** How each kind of candidate is named beside its label on ballots, results and the decision log. */
export const candidateKindLabels: Readonly<Record<CandidateKind, string>> = {
  outcome: 'Outcome',
  indicator: 'Indicator',
  concern: 'Concern',
};

/** The concerns a round may vote on: cohorts and localities (issues are weighed through the outcomes they affect). */
export const candidateConcernKinds: readonly ConcernKind[] = ['cohort', 'locality'];

/** The longest candidate label a round stores (as `CandidateInputSchema` allows). */
const candidateLabelLimit = 500;

/**
 * What a candidate is called in the workspace now (an outcome's statement, an indicator's or concern's name), so the
 * label a round stores is the board's own words and never what a request claimed; null when it has no name yet.
 */
export function candidateName(doc: Y.Doc, { kind, refId }: CandidateInput): string | null {
  const name =
    kind === 'outcome'
      ? readOutcome(doc, refId)?.statement
      : kind === 'indicator'
        ? readIndicator(doc, refId)?.name
        : readConcern(doc, refId)?.name;
  return name?.trim().slice(0, candidateLabelLimit) || null;
}

/** Why a candidate cannot be chosen in this workspace, in words for the facilitator; null when it can. */
export function candidateProblem(doc: Y.Doc, { kind, refId, label }: CandidateInput): string | null {
  if (kind === 'outcome') {
    return readOutcome(doc, refId) ? null : `“${label}” is not an outcome in this partnership's framework.`;
  }
  if (kind === 'indicator') {
    return readIndicator(doc, refId) ? null : `“${label}” is not an indicator in this partnership's framework.`;
  }
  const concern = readConcern(doc, refId);
  if (!concern) return `“${label}” is not a concern recorded by this partnership.`;
  return candidateConcernKinds.includes(concern.kind)
    ? null
    : `“${label}” is an issue of concern: only cohorts and localities of concern can be voted on.`;
}
