import { describe, expect, it } from 'vitest';
import type { AgendaItem } from '../../../../shared/schemas/cycles.ts';
import { agendaInputOf, movedAgenda, writtenAgenda } from '../../../../client/screens/meetings/agendaItems.ts';

let built = 0;
function buildAgendaItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  built += 1;
  return {
    id: `item-${built}`,
    kind: 'text',
    title: `Item ${built}`,
    label: `Item ${built}`,
    automatic: false,
    resolved: true,
    ...overrides,
  };
}

describe('the agenda a facilitator writes', () => {
  const review = buildAgendaItem({
    kind: 'decision-review',
    decisionId: 'decision-1',
    reason: 'Its review date has passed',
    automatic: true,
  });

  it('leaves out the decisions the server put back for review', () => {
    const apologies = buildAgendaItem();
    expect(writtenAgenda([apologies, review])).toEqual([apologies]);
  });

  it('moves one item among the written ones, and not past either end', () => {
    const [a, b, c] = [buildAgendaItem(), buildAgendaItem(), buildAgendaItem()];
    const ids = (items: AgendaItem[]) => items.map((item) => item.id);
    expect(ids(movedAgenda([a, b, c, review], c.id, -1))).toEqual([a.id, c.id, b.id]);
    expect(ids(movedAgenda([a, b, c], a.id, -1))).toEqual([a.id, b.id, c.id]);
    expect(ids(movedAgenda([a, b, c], c.id, 1))).toEqual([a.id, b.id, c.id]);
  });

  it('sends each kind back as it was written', () => {
    expect(agendaInputOf(buildAgendaItem({ title: 'Apologies' }))).toEqual({ kind: 'text', title: 'Apologies' });
    expect(agendaInputOf(buildAgendaItem({ kind: 'outcome', outcomeId: 'o-1', title: '' }))).toEqual({
      kind: 'outcome',
      outcomeId: 'o-1',
      title: '',
    });
    expect(agendaInputOf(review)).toEqual({
      kind: 'decision-review',
      decisionId: 'decision-1',
      reason: 'Its review date has passed',
    });
  });
});
