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
