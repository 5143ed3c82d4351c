import type { DeliveryType, EvidenceStrength } from '../../schemas/theoryOfChange.ts';
import { normaliseSearchText } from '../framework/filterFramework.ts';
import type { LinkView, TheoryOfChange } from './readTheoryOfChange.ts';

/** What the graph, tables and matrix can be narrowed by; every criterion given must match. */
export interface TheoryOfChangeFilter {
  /** Only links that reach an agreed priority outcome (and only priority outcomes). */
  priorityOnly?: boolean;
  /** Only actions from this provider organisation (compared ignoring case, accents and spacing). */
  organisation?: string;
  deliveryType?: DeliveryType;
  /** Only links whose evidence is of this strength. */
  evidence?: EvidenceStrength;
}

/** The provider organisations of the offer, each once (first spelling wins), sorted, for a filter's choices. */
export function providerOrganisations(theoryOfChange: TheoryOfChange): string[] {
  const byKey = new Map<string, string>();
  for (const action of theoryOfChange.actions) {
    const name = action.provider.trim().replace(/\s+/g, ' ');
    const key = normaliseSearchText(name);
    if (key !== '' && !byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
}

/** Whether a link reaches at least one of the priority outcomes. */
export function reachesPriority(link: LinkView, priorities: ReadonlySet<string>): boolean {
  return link.target.outcomeIds.some((id) => priorities.has(id));
}

/**
 * The offer narrowed by a filter: actions that pass the organisation and delivery type criteria, and their links that
 * pass the evidence and priority criteria. With a link criterion (evidence, priority), actions left with no matching
 * link are dropped too, so the graph shows only what was asked for.
 */
export function filterTheoryOfChange(
  theoryOfChange: TheoryOfChange,
  filter: TheoryOfChangeFilter,
  priorities: ReadonlySet<string>,
): TheoryOfChange {
  const organisation = normaliseSearchText(filter.organisation ?? '');
  const actions = theoryOfChange.actions.filter(
    (action) =>
      (organisation === '' || normaliseSearchText(action.provider) === organisation) &&
      (!filter.deliveryType || action.deliveryType === filter.deliveryType),
  );
  const kept = new Set(actions.map((action) => action.id));
  const links = theoryOfChange.links.filter(
    (link) =>
      kept.has(link.actionId) &&
      (!filter.evidence || link.evidence === filter.evidence) &&
      (!filter.priorityOnly || reachesPriority(link, priorities)),
  );
  const byLink = filter.evidence !== undefined || filter.priorityOnly === true;
  const linked = new Set(links.map((link) => link.actionId));
  return {
    ...theoryOfChange,
    actions: byLink ? actions.filter((action) => linked.has(action.id)) : actions,
    links,
  };
}

/** Whether any criterion is set. */
export function isFiltered(filter: TheoryOfChangeFilter): boolean {
  return Boolean(filter.priorityOnly || filter.organisation || filter.deliveryType || filter.evidence);
}
