import type { Domain, Level } from '../../schemas/framework.ts';
import type { EvidenceStrength } from '../../schemas/theoryOfChange.ts';
import { domainLabel, domainOrder, levelLabel, levelOrder } from '../framework/domains.ts';
import type { Framework } from '../framework/readFramework.ts';
import { coverageIndex, isCountedLink } from './coverage.ts';
import type { TheoryOfChange } from './readTheoryOfChange.ts';

/** A box in the theory of change graph. */
export interface GraphNode {
  id: string;
  kind: 'action' | 'indicator' | 'outcome' | 'removed';
  label: string;
  /** A second line: provider and delivery type for actions, "Priority" for priority outcomes. */
  detail: string;
  /** The group box it sits in (domain and level for outcomes and indicators); null for actions. */
  groupId: string | null;
  isPriority: boolean;
  /** For outcomes: whether any action reaches them (in the unfiltered offer). */
  hasAction: boolean;
  /** The action or framework item the node stands for, for opening it. */
  refId: string;
}

/** A group of outcomes: one domain × level cell of the framework grid. */
export interface GraphGroup {
  id: string;
  label: string;
  parentId: string | null;
}

/** A line in the graph: an action's link, or an indicator serving its outcome. */
export interface GraphEdge {
  id: string;
  from: string;
  to: string;
  kind: 'link' | 'serves';
  /** For links: the link's id and evidence strength. */
  linkId: string | null;
  evidence: EvidenceStrength | null;
}

/** Everything the graph draws, before layout. */
export interface TheoryOfChangeGraph {
  nodes: GraphNode[];
  groups: GraphGroup[];
  edges: GraphEdge[];
}

/** Which outcomes the graph shows besides those the shown links reach. */
export interface GraphOptions {
  /** Every live outcome, linked or not. */
  showAllOutcomes?: boolean;
  /** Only priority outcomes (and only links reaching them). */
  priorityOnly?: boolean;
}

const cellGroup = (domain: Domain, level: Level): string => `group:${domain}:${level}`;
/** The graph node id of an action. */
export const actionNodeId = (id: string): string => `action:${id}`;
/** The graph node id of an outcome. */
export const outcomeNodeId = (id: string): string => `outcome:${id}`;

/**
 * The graph of a (possibly filtered) theory of change: actions on one side; on the other, outcomes grouped by domain
 * and level — those the shown links reach, the priority outcomes (so a priority with no action shows as a gap), or
 * every outcome when asked. Indicators that links point at sit with their outcome, joined to it by a "serves" edge.
 * Links whose outcome was removed point at a "removed" box so they stay visible until resolved.
 */
export function theoryOfChangeGraph(
  framework: Framework,
  shown: TheoryOfChange,
  full: TheoryOfChange,
  priorities: ReadonlySet<string>,
  options: GraphOptions = {},
): TheoryOfChangeGraph {
  const reached = coverageIndex(full);
  const nodes: GraphNode[] = shown.actions.map((action) => ({
    id: actionNodeId(action.id),
    kind: 'action',
    label: action.name.trim() || 'Untitled action',
    detail: action.provider.trim(),
    groupId: null,
    isPriority: false,
    hasAction: true,
    refId: action.id,
  }));
  const edges: GraphEdge[] = [];
  const outcomeIds = new Set<string>();
  const indicatorIds = new Set<string>();
  const removed = new Map<string, GraphNode>();
  for (const link of shown.links) {
    if (link.deletedAt !== null) continue;
    const { target } = link;
    let to: string;
    if (!isCountedLink(link)) {
      to = `removed:${target.kind}:${target.id}`;
      const what = target.kind === 'outcome' ? 'Outcome removed' : 'Indicator removed';
      removed.set(to, {
        id: to,
        kind: 'removed',
        label: target.label.trim() || 'Not in the framework',
        detail: target.state === 'removed' ? what : 'Not in the framework',
        groupId: null,
        isPriority: false,
        hasAction: true,
        refId: target.id,
      });
    } else if (target.kind === 'outcome') {
      to = outcomeNodeId(target.id);
      outcomeIds.add(target.id);
    } else {
      to = `indicator:${target.id}`;
      indicatorIds.add(target.id);
      target.outcomeIds.forEach((id) => outcomeIds.add(id));
    }
    edges.push({
      id: `link:${link.id}`,
      from: actionNodeId(link.actionId),
      to,
      kind: 'link',
      linkId: link.id,
      evidence: link.evidence,
    });
  }
  const outcomes = framework.outcomes.filter(
    (outcome) =>
      (options.priorityOnly ? priorities.has(outcome.id) : true) &&
      (options.showAllOutcomes || outcomeIds.has(outcome.id) || priorities.has(outcome.id)),
  );
  const shownOutcomes = new Set(outcomes.map((outcome) => outcome.id));
  for (const outcome of outcomes) {
    const isPriority = priorities.has(outcome.id);
    const hasAction = reached.has(outcome.id);
    nodes.push({
      id: outcomeNodeId(outcome.id),
      kind: 'outcome',
      label: outcome.statement.trim() || 'Untitled outcome',
      detail: [isPriority ? 'Priority' : '', hasAction ? '' : 'No action'].filter(Boolean).join(' · '),
      groupId: cellGroup(outcome.domain, outcome.level),
      isPriority,
      hasAction,
      refId: outcome.id,
    });
  }
  for (const indicator of framework.indicators) {
    if (!indicatorIds.has(indicator.id)) continue;
    const first = framework.outcomes.find((outcome) => indicator.outcomeIds.includes(outcome.id));
    nodes.push({
      id: `indicator:${indicator.id}`,
      kind: 'indicator',
      label: indicator.name.trim() || 'Untitled indicator',
      detail: 'Indicator',
      groupId: first && shownOutcomes.has(first.id) ? cellGroup(first.domain, first.level) : null,
      isPriority: false,
      hasAction: true,
      refId: indicator.id,
    });
    for (const outcomeId of indicator.outcomeIds) {
      if (!shownOutcomes.has(outcomeId)) continue;
      edges.push({
        id: `serves:${indicator.id}:${outcomeId}`,
        from: `indicator:${indicator.id}`,
        to: outcomeNodeId(outcomeId),
        kind: 'serves',
        linkId: null,
        evidence: null,
      });
    }
  }
  nodes.push(...removed.values());
  const known = new Set(nodes.map((node) => node.id));
  return {
    nodes,
    groups: groupsFor(outcomes),
    // A link to an outcome hidden by the priority filter has nowhere to go.
    edges: edges.filter((edge) => known.has(edge.from) && known.has(edge.to)),
  };
}

/** One group per domain × level cell that holds a shown outcome, in framework order, named by both. */
function groupsFor(outcomes: readonly { domain: Domain; level: Level }[]): GraphGroup[] {
  const groups: GraphGroup[] = [];
  for (const domain of domainOrder) {
    for (const level of levelOrder) {
      if (!outcomes.some((o) => o.domain === domain && o.level === level)) continue;
      groups.push({
        id: cellGroup(domain, level),
        label: `${domainLabel(domain)} · ${levelLabel(level)}`,
        parentId: null,
      });
    }
  }
  return groups;
}
