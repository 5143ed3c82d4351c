import { concernKindLabels } from '../../shared/model/concerns/index.ts';
import { domainLabel, domainOrder, levelLabel, type Framework } from '../../shared/model/framework/index.ts';
import { candidateConcernKinds } from '../../shared/model/prioritisation/candidates.ts';
import type { Concern } from '../../shared/schemas/concerns.ts';
import type { CandidateInput, CandidateKind } from '../../shared/schemas/rounds.ts';

/** Something in the workspace a facilitator can tick as a candidate, with a line saying where it sits. */
export interface CandidateChoice extends CandidateInput {
  hint: string;
}

/** Choices under one heading (a domain, or a kind of concern). */
export interface CandidateChoiceGroup {
  heading: string;
  choices: CandidateChoice[];
}

/** Every choice of each kind, grouped, in the order the ballot lists them. */
export type CandidateChoices = Readonly<Record<CandidateKind, CandidateChoiceGroup[]>>;

/** The order kinds appear in on the ballot: outcomes first, as the framework is outcome-led. */
export const candidateKindOrder: readonly CandidateKind[] = ['outcome', 'indicator', 'concern'];

/** `kind:refId`: a candidate's identity in the workspace. */
export function candidateKey(candidate: Pick<CandidateInput, 'kind' | 'refId'>): string {
  return `${candidate.kind}:${candidate.refId}`;
}

const orUntitled = (text: string, untitled: string) => text.trim() || untitled;

/**
 * What a round can vote on, from the live framework and concerns: outcomes by domain, indicators by the domain of the
 * first outcome they serve, and cohorts and localities of concern by kind.
 */
export function candidateChoices(framework: Framework | null, concerns: readonly Concern[]): CandidateChoices {
  const outcomes = framework?.outcomes ?? [];
  const indicators = framework?.indicators ?? [];
  const outcomeById = new Map(outcomes.map((outcome) => [outcome.id, outcome]));
  const gridPosition = new Map(outcomes.map((outcome, index) => [outcome.id, index]));
  // An indicator's links are a set: the outcomes it serves, in the order the grid shows them.
  const servedOutcomes = (outcomeIds: readonly string[]) =>
    outcomeIds
      .filter((id) => gridPosition.has(id))
      .sort((a, b) => gridPosition.get(a)! - gridPosition.get(b)!)
      .map((id) => outcomeById.get(id)!);
  const servesWords = (outcomeIds: readonly string[]) => {
    const [first, ...others] = servedOutcomes(outcomeIds);
    if (!first) return 'Not linked to an outcome';
    const more = others.length > 0 ? ` and ${others.length} more` : '';
    return `Shows progress on: ${orUntitled(first.statement, 'Untitled outcome')}${more}`;
  };

  const outcomeGroups = domainOrder.map((domain) => ({
    heading: domainLabel(domain),
    choices: outcomes
      .filter((outcome) => outcome.domain === domain)
      .map((outcome) => ({
        kind: 'outcome' as const,
        refId: outcome.id,
        label: orUntitled(outcome.statement, 'Untitled outcome'),
        hint: levelLabel(outcome.level),
      })),
  }));
  const domainOfIndicator = (outcomeIds: readonly string[]) => servedOutcomes(outcomeIds)[0]?.domain ?? null;
  const indicatorGroups = [...domainOrder, null].map((domain) => ({
    heading: domain ? domainLabel(domain) : 'Not linked to an outcome',
    choices: indicators
      .filter((indicator) => domainOfIndicator(indicator.outcomeIds) === domain)
      .map((indicator) => ({
        kind: 'indicator' as const,
        refId: indicator.id,
        label: orUntitled(indicator.name, 'Untitled indicator'),
        hint: servesWords(indicator.outcomeIds),
      })),
  }));
  const concernGroups = candidateConcernKinds.map((kind) => ({
    heading: `${concernKindLabels[kind]} of concern`,
    choices: concerns
      .filter((concern) => concern.kind === kind)
      .map((concern) => ({
        kind: 'concern' as const,
        refId: concern.id,
        label: orUntitled(concern.name, 'Untitled concern'),
        hint: concern.description.trim().slice(0, 140),
      })),
  }));
  const nonEmpty = (groups: CandidateChoiceGroup[]) => groups.filter((group) => group.choices.length > 0);
  return { outcome: nonEmpty(outcomeGroups), indicator: nonEmpty(indicatorGroups), concern: nonEmpty(concernGroups) };
}

/** Chosen candidates that are no longer anywhere to choose (deleted from the workspace since): kept until unticked. */
export function unavailableCandidates(chosen: readonly CandidateInput[], choices: CandidateChoices): CandidateInput[] {
  const available = new Set(
    candidateKindOrder.flatMap((kind) => choices[kind].flatMap((group) => group.choices.map(candidateKey))),
  );
  return chosen.filter((candidate) => !available.has(candidateKey(candidate)));
}

/**
 * Ticks or unticks one choice. The list stays in ballot order (kinds in turn, each as the workspace orders it), so
 * voters meet candidates the way the board knows them; labels already chosen are kept as they were.
 */
export function toggleCandidate(
  chosen: readonly CandidateInput[],
  choices: CandidateChoices,
  choice: CandidateInput,
  on: boolean,
): CandidateInput[] {
  const key = candidateKey(choice);
  if (!on) return chosen.filter((candidate) => candidateKey(candidate) !== key);
  const byKey = new Map(chosen.map((candidate) => [candidateKey(candidate), candidate]));
  const ordered = candidateKindOrder
    .flatMap((kind) => choices[kind].flatMap((group) => group.choices))
    .filter((candidate) => byKey.has(candidateKey(candidate)) || candidateKey(candidate) === key)
    .map(({ kind, refId, label }) => byKey.get(candidateKey({ kind, refId })) ?? { kind, refId, label });
  return [...ordered, ...unavailableCandidates(chosen, choices)];
}
