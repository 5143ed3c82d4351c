import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteOutcome, readFramework } from '../../../../shared/model/framework/index.ts';
import {
  coverageMatrix,
  deleteLink,
  priorityOutcomeIds,
  readTheoryOfChange,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { linkOrFail, seedTheoryOfChange } from './factories.ts';

function matrixOf(doc: Y.Doc, priorities: ReadonlySet<string>) {
  const framework = readFramework(doc);
  return coverageMatrix(framework, readTheoryOfChange(doc, framework), priorities);
}

describe('coverage matrix and gaps', () => {
  it('with no links, every outcome and every action is a gap, priorities first among them', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const { gaps, rows } = matrixOf(doc, new Set([outcomes[1]]));
    expect(gaps.priorityOutcomesWithoutAction.map((o) => o.id)).toEqual([outcomes[1]]);
    expect(gaps.outcomesWithoutAction.map((o) => o.id).sort()).toEqual([...outcomes].sort());
    expect(gaps.actionsWithoutOutcome.map((a) => a.id)).toEqual([...actions]);
    expect(rows.every((row) => row.marks.every((mark) => mark === null))).toBe(true);
  });

  it('marks direct links and links through an indicator, and closes the gaps they fill', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    linkOrFail(doc, { actionId: actions[0], target: { kind: 'indicator', id: indicator } });
    const { rows, gaps } = matrixOf(doc, new Set([outcomes[0], outcomes[1]]));
    const marks = Object.fromEntries(rows.map((row) => [row.outcome.id, row.marks]));
    expect(marks[outcomes[0]]).toEqual(['direct', null]);
    expect(marks[outcomes[2]]).toEqual(['via-indicator', null]);
    expect(marks[outcomes[1]]).toEqual([null, null]);
    expect(rows.find((row) => row.outcome.id === outcomes[0])).toMatchObject({ isPriority: true, actionCount: 1 });
    expect(gaps.priorityOutcomesWithoutAction.map((o) => o.id)).toEqual([outcomes[1]]);
    expect(gaps.outcomesWithoutAction.map((o) => o.id)).toEqual([outcomes[1]]);
    expect(gaps.actionsWithoutOutcome.map((a) => a.id)).toEqual([actions[1]]);
  });

  it('a direct link wins over one through an indicator for the same action', () => {
    const doc = new Y.Doc();
    const { outcomes, indicator, actions } = seedTheoryOfChange(doc);
    linkOrFail(doc, { actionId: actions[1], target: { kind: 'indicator', id: indicator } });
    linkOrFail(doc, { actionId: actions[1], target: { kind: 'outcome', id: outcomes[2] } });
    const row = matrixOf(doc, new Set()).rows.find((r) => r.outcome.id === outcomes[2])!;
    expect(row.marks).toEqual([null, 'direct']);
  });

  it('does not count deleted links or links to removed outcomes', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const toRemove = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    const toDelete = linkOrFail(doc, { actionId: actions[1], target: { kind: 'outcome', id: outcomes[1] } });
    deleteOutcome(doc, outcomes[0], null);
    deleteLink(doc, toDelete, null);
    const { gaps, rows } = matrixOf(doc, new Set());
    expect(rows.map((row) => row.outcome.id)).not.toContain(outcomes[0]);
    expect(gaps.actionsWithoutOutcome.map((a) => a.id)).toEqual([...actions]);
    expect(gaps.outcomesWithoutAction.map((o) => o.id)).toContain(outcomes[1]);
    expect(toRemove).toBeTruthy();
  });

  it('takes priority outcome ids from the agreed priorities, leaving indicators and concerns out', () => {
    const ids = priorityOutcomeIds([
      { kind: 'outcome', refId: 'o1' },
      { kind: 'indicator', refId: 'i1' },
      { kind: 'concern', refId: 'c1' },
      { kind: 'outcome', refId: 'o2' },
    ]);
    expect([...ids]).toEqual(['o1', 'o2']);
  });
});
