import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { readConcerns } from '../../shared/model/concerns/index.ts';
import { readOutcomes } from '../../shared/model/framework/index.ts';
import type { ApiIssue } from '../../shared/schemas/apiError.ts';
import type { AgendaItem } from '../../shared/schemas/cycles.ts';
import type { Decision } from '../../shared/schemas/decisions.ts';
import type { StoredAgendaItem } from '../store/repositories/MeetingRepository.ts';

/** What agenda labels are resolved against: the partnership's rounds and decisions, and its workspace doc. */
export interface AgendaContext {
  roundTitles: ReadonlyMap<string, string>;
  decisions: ReadonlyMap<string, Decision>;
  outcomeStatement: (id: string) => string | null;
  concernName: (id: string) => string | null;
}

/**
 * Reads the names agenda items may point at from the workspace doc, eagerly (the doc is only held while it is read):
 * live outcomes and concerns only, so a deleted one is "gone".
 */
export function docNames(doc: Y.Doc): Pick<AgendaContext, 'outcomeStatement' | 'concernName'> {
  const outcomes = new Map(readOutcomes(doc).outcomes.map((outcome) => [outcome.id, outcome.statement]));
  const concerns = new Map(readConcerns(doc).map((concern) => [concern.id, concern.name]));
  return { outcomeStatement: (id) => outcomes.get(id) ?? null, concernName: (id) => concerns.get(id) ?? null };
}

/** A short id for an agenda item, unique within its meeting. */
export function agendaItemId(): string {
  return randomBytes(6).toString('hex');
}

/** An agenda item as the API shows it, with what it points at named as it is now. */
export function describeAgendaItem(item: StoredAgendaItem, context: AgendaContext): AgendaItem {
  const base = { id: item.id, kind: item.kind, automatic: false };
  switch (item.kind) {
    case 'text':
      return { ...base, title: item.title, label: item.title, resolved: true };
    case 'round': {
      const label = context.roundTitles.get(item.roundId) ?? null;
      return { ...base, title: item.title, label: label ?? '', roundId: item.roundId, resolved: label !== null };
    }
    case 'decision-review': {
      const decision = context.decisions.get(item.decisionId);
      return {
        ...base,
        title: '',
        label: decision?.statement ?? '',
        decisionId: item.decisionId,
        reason: item.reason,
        resolved: decision !== undefined,
      };
    }
    case 'outcome': {
      const label = context.outcomeStatement(item.outcomeId);
      return { ...base, title: item.title, label: label ?? '', outcomeId: item.outcomeId, resolved: label !== null };
    }
    case 'concern': {
      const label = context.concernName(item.concernId);
      return { ...base, title: item.title, label: label ?? '', concernId: item.concernId, resolved: label !== null };
    }
  }
}

/** A decision the server puts back on the agenda (not stored: worked out each time the meeting is read). */
export function automaticReview(decision: Decision, reason: string): AgendaItem {
  return {
    id: `review-${decision.id}`,
    kind: 'decision-review',
    title: '',
    label: decision.statement,
    decisionId: decision.id,
    reason,
    automatic: true,
    resolved: true,
  };
}

/** What is wrong with agenda items that point at something this partnership does not have; empty when all are fine. */
export function agendaIssues(items: readonly StoredAgendaItem[], context: AgendaContext): ApiIssue[] {
  return items.flatMap((item, index): ApiIssue[] => {
    const path = ['agenda', index];
    if (item.kind === 'round' && !context.roundTitles.has(item.roundId)) {
      return [{ path, message: 'This partnership has no such prioritisation round' }];
    }
    if (item.kind === 'decision-review' && !context.decisions.has(item.decisionId)) {
      return [{ path, message: 'This partnership has no such decision' }];
    }
    if (item.kind === 'outcome' && context.outcomeStatement(item.outcomeId) === null) {
      return [{ path, message: 'This outcome is not in the framework' }];
    }
    if (item.kind === 'concern' && context.concernName(item.concernId) === null) {
      return [{ path, message: 'This concern is not recorded by this partnership' }];
    }
    return [];
  });
}
