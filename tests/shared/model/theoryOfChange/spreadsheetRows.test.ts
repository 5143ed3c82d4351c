import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { deleteOutcome, readFramework } from '../../../../shared/model/framework/index.ts';
import {
  addAssumption,
  addMeasure,
  linkColumns,
  linkTable,
  offerColumns,
  offerTable,
  readTheoryOfChange,
  updateAssumption,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { linkOrFail, seedTheoryOfChange } from './factories.ts';

function world() {
  const doc = new Y.Doc();
  const seeded = seedTheoryOfChange(doc);
  const { outcomes, actions } = seeded;
  const linkId = linkOrFail(doc, {
    actionId: actions[0],
    target: { kind: 'outcome', id: outcomes[0] },
    mechanism: 'Trusted adults notice early',
    evidence: 'promising',
  });
  const assumption = addAssumption(doc, linkId, { text: 'Staff are trained', owner: 'Hub lead' })!;
  updateAssumption(doc, linkId, assumption, { checked: true });
  addAssumption(doc, linkId, { text: 'Families come back' });
  addMeasure(doc, actions[0], 'how-much', 'Families seen');
  addMeasure(doc, actions[0], 'how-much', 'Sessions run');
  return { doc, ...seeded };
}

describe('offer and links as tables', () => {
  it('writes one row per action with labels, several measures in one cell, and budgets as numbers', () => {
    const { doc } = world();
    const [header, first, second] = offerTable(readTheoryOfChange(doc));
    expect(header).toEqual([...offerColumns]);
    const cell = (row: typeof first, column: (typeof offerColumns)[number]) => row![offerColumns.indexOf(column)];
    expect(cell(first, 'Delivery type')).toBe('Direct delivery');
    expect(cell(second, 'Delivery type')).toBe('Commissioned');
    expect(cell(first, 'Budget (GBP)')).toBe(12_000);
    expect(cell(first, 'How much did we do?')).toBe('Families seen\nSessions run');
    expect(cell(first, 'Age stages')).toBe('Age 0 to 2');
    expect(cell(first, 'Outcomes and indicators linked')).toBe(1);
    expect(cell(second, 'Outcomes and indicators linked')).toBe(0);
  });

  it('writes one row per link with its target, priority, status, evidence and assumptions', () => {
    const { doc, outcomes } = world();
    const cell = (row: (string | number)[] | undefined, column: (typeof linkColumns)[number]) =>
      row![linkColumns.indexOf(column)];
    const [header, row] = linkTable(readTheoryOfChange(doc), new Set([outcomes[0]]));
    expect(header).toEqual([...linkColumns]);
    expect(cell(row, 'Domain')).toBe('Safe');
    expect(cell(row, 'Priority outcome')).toBe('Yes');
    expect(cell(row, 'Link status')).toBe('Live');
    expect(cell(row, 'Evidence strength')).toBe('Promising');
    expect(cell(row, 'Assumptions')).toBe(
      '[checked] Staff are trained (owner: Hub lead)\n[not checked] Families come back',
    );
    expect(cell(row, 'Assumptions checked')).toBe('1 of 2');

    deleteOutcome(doc, outcomes[0], null);
    const [, removed] = linkTable(readTheoryOfChange(doc, readFramework(doc)), new Set());
    expect(cell(removed, 'Link status')).toBe('Outcome removed');
  });
});
