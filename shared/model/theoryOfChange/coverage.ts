import type { Outcome } from '../../schemas/framework.ts';
import type { OfferAction } from '../../schemas/theoryOfChange.ts';
import type { Framework, OutcomeSummary } from '../framework/readFramework.ts';
import type { LinkView, TheoryOfChange } from './readTheoryOfChange.ts';

/** How an action reaches an outcome: linked to it, or to an indicator that serves it; null when not at all. */
export type CoverageMark = 'direct' | 'via-indicator' | null;

/** One outcome's row of the coverage matrix. */
export interface CoverageRow {
  outcome: OutcomeSummary;
  isPriority: boolean;
  /** One mark per action, in the order of `CoverageMatrix.actions`. */
  marks: CoverageMark[];
  /** How many actions reach this outcome. */
  actionCount: number;
}

/** Where the offer and the outcomes do not meet. */
export interface CoverageGaps {
  /** Agreed priority outcomes that no action is meant to move: the first thing a board asks about. */
  priorityOutcomesWithoutAction: Outcome[];
  /** Every outcome that no action is meant to move, priority or not. */
  outcomesWithoutAction: Outcome[];
  /** Actions linked to no live outcome or indicator: what are they for? */
  actionsWithoutOutcome: OfferAction[];
}

/** Outcomes × actions, with the gaps. */
export interface CoverageMatrix {
  actions: OfferAction[];
  rows: CoverageRow[];
  gaps: CoverageGaps;
}

/** Whether a link counts: not deleted, and its target is live (a removed outcome moves nothing). */
export function isCountedLink(link: LinkView): boolean {
  return link.deletedAt === null && link.target.state === 'live';
}

/** The set of priority outcome ids from the agreed priorities (only outcomes; indicators and concerns are left out). */
export function priorityOutcomeIds(priorities: Iterable<{ kind: string; refId: string }>): Set<string> {
  const ids = new Set<string>();
  for (const priority of priorities) if (priority.kind === 'outcome') ids.add(priority.refId);
  return ids;
}

/** Per outcome id, per action id, how the action reaches it (a direct link wins over one through an indicator). */
export function coverageIndex(theoryOfChange: TheoryOfChange): Map<string, Map<string, Exclude<CoverageMark, null>>> {
  const index = new Map<string, Map<string, Exclude<CoverageMark, null>>>();
  for (const link of theoryOfChange.links) {
    if (!isCountedLink(link)) continue;
    const mark = link.target.kind === 'outcome' ? 'direct' : 'via-indicator';
    for (const outcomeId of link.target.outcomeIds) {
      const byAction = index.get(outcomeId) ?? new Map<string, Exclude<CoverageMark, null>>();
      if (byAction.get(link.actionId) !== 'direct') byAction.set(link.actionId, mark);
      index.set(outcomeId, byAction);
    }
  }
  return index;
}

/** The gaps between the offer and the framework's live outcomes. */
export function coverageGaps(
  framework: Framework,
  theoryOfChange: TheoryOfChange,
  priorities: ReadonlySet<string>,
): CoverageGaps {
  const index = coverageIndex(theoryOfChange);
  const outcomesWithoutAction = framework.outcomes.filter((outcome) => !index.has(outcome.id));
  const linkedActions = new Set(
    theoryOfChange.links
      .filter((link) => isCountedLink(link) && link.target.outcomeIds.length > 0)
      .map((link) => link.actionId),
  );
  return {
    priorityOutcomesWithoutAction: outcomesWithoutAction.filter((outcome) => priorities.has(outcome.id)),
    outcomesWithoutAction,
    actionsWithoutOutcome: theoryOfChange.actions.filter((action) => !linkedActions.has(action.id)),
  };
}

/**
 * The coverage matrix: a row per live outcome (grid order), a column per action (offer order), each cell marking how
 * the action reaches the outcome. Only live links to live targets count.
 */
export function coverageMatrix(
  framework: Framework,
  theoryOfChange: TheoryOfChange,
  priorities: ReadonlySet<string>,
): CoverageMatrix {
  const index = coverageIndex(theoryOfChange);
  const { actions } = theoryOfChange;
  const rows = framework.outcomes.map((outcome): CoverageRow => {
    const byAction = index.get(outcome.id);
    const marks = actions.map((action) => byAction?.get(action.id) ?? null);
    return { outcome, isPriority: priorities.has(outcome.id), marks, actionCount: byAction?.size ?? 0 };
  });
  return { actions, rows, gaps: coverageGaps(framework, theoryOfChange, priorities) };
}
