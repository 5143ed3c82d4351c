import type * as Y from 'yjs';
import type { Domain, Level } from '../../schemas/framework.ts';
import type { LinkTargetKind, OfferAction, TheoryOfChangeLink } from '../../schemas/theoryOfChange.ts';
import { readIndicator, readOutcome } from '../framework/entities.ts';
import { compareOrdered } from '../framework/ordering.ts';
import { readFramework, type Framework } from '../framework/readFramework.ts';
import { readAllTocEntities, type TheoryOfChangeProblem } from './readEntities.ts';

/** Options of every read: deleted actions and links (and links hidden with a deleted action) are left out unless asked. */
export interface TheoryOfChangeReadOptions {
  includeDeleted?: boolean;
}

/**
 * Whether a link's target can be moved by the action: `live` it is in the framework; `removed` it was deleted (or is
 * hidden because every outcome it serves was) and the link waits for someone to re-point or delete it; `missing` it
 * was never in this workspace's framework (or cannot be read).
 */
export type LinkTargetState = 'live' | 'removed' | 'missing';

/** What a link points at, as people see it. */
export interface LinkTargetView {
  kind: LinkTargetKind;
  id: string;
  /** The outcome's statement or the indicator's name; empty when missing. */
  label: string;
  state: LinkTargetState;
  /** The live outcomes the link moves: the outcome itself, or those the indicator serves. Empty unless live. */
  outcomeIds: string[];
  /** Where the outcome sits in the grid (for an indicator, its first live outcome); null when unknown. */
  domain: Domain | null;
  level: Level | null;
}

/** A link with its target resolved against the framework. */
export interface LinkView extends TheoryOfChangeLink {
  target: LinkTargetView;
}

/** The offer and its links as plain data. */
export interface TheoryOfChange {
  /** Actions in offer order. */
  actions: OfferAction[];
  /** Links in offer order of their actions, then framework order of their targets. */
  links: LinkView[];
  /** Entries that could not be read and are left out. */
  problems: TheoryOfChangeProblem[];
}

/** Reads the actions of the offer in order, with the problems found. */
export function readActions(
  doc: Y.Doc,
  options: TheoryOfChangeReadOptions = {},
): { actions: OfferAction[]; problems: TheoryOfChangeProblem[] } {
  const { items, problems } = readAllTocEntities(doc, 'action');
  const actions = items.filter((action) => options.includeDeleted || action.deletedAt === null).sort(compareOrdered);
  return { actions, problems };
}

/** A function resolving link targets against the live framework, looking up deleted items only when not live. */
export function targetResolver(doc: Y.Doc, framework: Framework): (kind: LinkTargetKind, id: string) => LinkTargetView {
  const outcomeById = new Map(framework.outcomes.map((outcome) => [outcome.id, outcome]));
  const indicatorById = new Map(framework.indicators.map((indicator) => [indicator.id, indicator]));
  return (kind, id) => resolve(doc, outcomeById, indicatorById, kind, id);
}

function resolve(
  doc: Y.Doc,
  outcomeById: ReadonlyMap<string, Framework['outcomes'][number]>,
  indicatorById: ReadonlyMap<string, Framework['indicators'][number]>,
  kind: LinkTargetKind,
  id: string,
): LinkTargetView {
  if (kind === 'outcome') {
    const outcome = outcomeById.get(id);
    if (outcome) {
      return {
        kind,
        id,
        label: outcome.statement,
        state: 'live',
        outcomeIds: [id],
        domain: outcome.domain,
        level: outcome.level,
      };
    }
    const removed = readOutcome(doc, id, { includeDeleted: true });
    return removed
      ? {
          kind,
          id,
          label: removed.statement,
          state: 'removed',
          outcomeIds: [],
          domain: removed.domain,
          level: removed.level,
        }
      : { kind, id, label: '', state: 'missing', outcomeIds: [], domain: null, level: null };
  }
  const indicator = indicatorById.get(id);
  if (indicator) {
    const first = indicator.outcomeIds.map((outcomeId) => outcomeById.get(outcomeId)).find((o) => o !== undefined);
    return {
      kind,
      id,
      label: indicator.name,
      state: 'live',
      outcomeIds: indicator.outcomeIds.filter((outcomeId) => outcomeById.has(outcomeId)),
      domain: first?.domain ?? null,
      level: first?.level ?? null,
    };
  }
  const removed = readIndicator(doc, id, { includeDeleted: true });
  return removed
    ? { kind, id, label: removed.name, state: 'removed', outcomeIds: [], domain: null, level: null }
    : { kind, id, label: '', state: 'missing', outcomeIds: [], domain: null, level: null };
}

/**
 * Reads the offer and its links, resolving each link's target against the framework (pass the framework when it has
 * been read already). Links of a deleted action are hidden with it; links whose outcome or indicator was deleted
 * stay, marked `removed`, until someone re-points or deletes them. Never throws on bad content.
 */
export function readTheoryOfChange(
  doc: Y.Doc,
  framework: Framework = readFramework(doc),
  options: TheoryOfChangeReadOptions = {},
): TheoryOfChange {
  const includeDeleted = options.includeDeleted ?? false;
  const all = readActions(doc, { includeDeleted: true });
  const actions = all.actions.filter((action) => includeDeleted || action.deletedAt === null);
  const actionById = new Map(all.actions.map((action) => [action.id, action]));
  const actionPosition = new Map(all.actions.map((action, index) => [action.id, index]));
  const outcomePosition = new Map(framework.outcomes.map((outcome, index) => [outcome.id, index]));
  const { items, problems } = readAllTocEntities(doc, 'link');
  problems.unshift(...all.problems);
  const resolveLinkTarget = targetResolver(doc, framework);
  const links: LinkView[] = [];
  for (const link of items) {
    const action = actionById.get(link.actionId);
    if (!action) {
      problems.push({ kind: 'link', id: link.id, reason: `its action ${link.actionId} does not exist` });
      continue;
    }
    const isLive = link.deletedAt === null && action.deletedAt === null;
    if (!isLive && !includeDeleted) continue;
    links.push({ ...link, target: resolveLinkTarget(link.targetKind, link.targetId) });
  }
  // Links to removed or missing targets sort after the live ones of their action.
  const targetPosition = (link: LinkView): number =>
    Math.min(
      ...link.target.outcomeIds.map((id) => outcomePosition.get(id) ?? outcomePosition.size),
      outcomePosition.size,
    );
  links.sort(
    (a, b) =>
      (actionPosition.get(a.actionId) ?? 0) - (actionPosition.get(b.actionId) ?? 0) ||
      targetPosition(a) - targetPosition(b) ||
      a.createdAt.localeCompare(b.createdAt) ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  return { actions, links, problems };
}

/** The links of one action, in order. */
export function linksOfAction(theoryOfChange: TheoryOfChange, actionId: string): LinkView[] {
  return theoryOfChange.links.filter((link) => link.actionId === actionId);
}

/** Links whose outcome or indicator was removed, waiting for someone to re-point or delete them. */
export function linksNeedingAttention(theoryOfChange: TheoryOfChange): LinkView[] {
  return theoryOfChange.links.filter((link) => link.deletedAt === null && link.target.state !== 'live');
}
