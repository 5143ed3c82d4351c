import type { AgendaItem, AgendaItemInput, AgendaItemKind } from '../../../shared/schemas/cycles.ts';

/** What each kind of agenda item is called on the page. */
export const agendaKindLabels: Readonly<Record<AgendaItemKind, string>> = {
  text: 'Item',
  round: 'Prioritisation round',
  'decision-review': 'Decision for review',
  outcome: 'Outcome',
  concern: 'Concern',
};

/** An agenda item as it is sent back when the agenda changes. */
export function agendaInputOf(item: AgendaItem): AgendaItemInput {
  switch (item.kind) {
    case 'round':
      return { kind: 'round', roundId: item.roundId ?? '', title: item.title };
    case 'decision-review':
      return { kind: 'decision-review', decisionId: item.decisionId ?? '', reason: item.reason ?? '' };
    case 'outcome':
      return { kind: 'outcome', outcomeId: item.outcomeId ?? '', title: item.title };
    case 'concern':
      return { kind: 'concern', concernId: item.concernId ?? '', title: item.title };
    default:
      return { kind: 'text', title: item.title };
  }
}

/**
 * The agenda as a facilitator wrote it. Decisions the server put back "for review" are left out: it adds them
 * itself, so sending them would list them twice.
 */
export function writtenAgenda(items: readonly AgendaItem[]): AgendaItem[] {
  return items.filter((item) => !item.automatic);
}

/** The written agenda with one item moved up (-1) or down (+1). */
export function movedAgenda(items: readonly AgendaItem[], id: string, by: -1 | 1): AgendaItem[] {
  const written = writtenAgenda(items);
  const from = written.findIndex((item) => item.id === id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= written.length) return written;
  const next = [...written];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved!);
  return next;
}
