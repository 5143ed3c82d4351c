import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readFramework } from '../../../../shared/model/framework/index.ts';
import { theoryOfChangeMapNames } from '../../../../shared/model/theoryOfChange/docShape.ts';
import {
  addAction,
  addMeasure,
  deleteAction,
  measureText,
  moveAction,
  readActions,
  readTheoryOfChange,
  removeMeasure,
  restoreAction,
  setActionAgeStage,
  setActionLocality,
  updateAction,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { buildAction, linkOrFail, seedTheoryOfChange } from './factories.ts';

describe('actions of the offer', () => {
  it('stores every field and reads it back validated', () => {
    const doc = new Y.Doc();
    const id = addAction(
      doc,
      buildAction({
        name: 'Infant feeding support',
        provider: 'NHS Trust',
        deliveryType: 'gateway',
        localities: ['South hub', 'North hub'],
        ageStages: ['3-4', 'pregnancy'],
        status: 'ending',
        budget: 45_000.456,
        contractEnd: '2027-03-31',
      }),
    );
    expect(readActions(doc).actions[0]).toMatchObject({
      id,
      name: 'Infant feeding support',
      provider: 'NHS Trust',
      deliveryType: 'gateway',
      localities: ['North hub', 'South hub'],
      ageStages: ['pregnancy', '3-4'],
      status: 'ending',
      budget: 45_000.46,
      contractEnd: '2027-03-31',
      measures: [],
      deletedAt: null,
    });
  });

  it('refuses impossible values: negative budgets, bad dates, unknown delivery types', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, buildAction());
    expect(() => updateAction(doc, id, { budget: -1 })).toThrow();
    expect(() => updateAction(doc, id, { contractEnd: '2027-02-30' })).toThrow();
    expect(() => updateAction(doc, id, { deliveryType: 'outsourced' as never })).toThrow();
    expect(() => addAction(doc, buildAction({ budget: Number.NaN }))).toThrow();
  });

  it('changes localities and age stages one at a time, and keeps RBA measures under their question', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, buildAction({ localities: [], ageStages: [] }));
    setActionLocality(doc, id, '  East hub ', true);
    setActionLocality(doc, id, 'West hub', true);
    setActionLocality(doc, id, 'West hub', false);
    setActionAgeStage(doc, id, '0-2', true);
    const served = addMeasure(doc, id, 'how-much', 'Families seen')!;
    addMeasure(doc, id, 'better-off', '% with improved confidence');
    const removed = addMeasure(doc, id, 'how-well', 'Seen within 2 weeks')!;
    measureText(doc, id, served)!.insert(0, 'Number of ');
    removeMeasure(doc, id, removed);
    const action = readActions(doc).actions[0]!;
    expect(action.localities).toEqual(['East hub']);
    expect(action.ageStages).toEqual(['0-2']);
    expect(action.measures.map((m) => [m.kind, m.text])).toEqual([
      ['how-much', 'Number of Families seen'],
      ['better-off', '% with improved confidence'],
    ]);
  });

  it('reorders, soft-deletes and restores actions', () => {
    const doc = new Y.Doc();
    const ids = [addAction(doc, buildAction()), addAction(doc, buildAction()), addAction(doc, buildAction())];
    moveAction(doc, ids[2]!, 0);
    expect(readActions(doc).actions.map((a) => a.id)).toEqual([ids[2], ids[0], ids[1]]);
    deleteAction(doc, ids[0]!, 'someone');
    expect(readActions(doc).actions.map((a) => a.id)).toEqual([ids[2], ids[1]]);
    restoreAction(doc, ids[0]!);
    expect(readActions(doc).actions.map((a) => a.id)).toEqual([ids[2], ids[0], ids[1]]);
  });
});

describe('invalid doc content', () => {
  it('is reported with the id and the reason, skipped, and never thrown', () => {
    const doc = new Y.Doc();
    const { outcomes, actions } = seedTheoryOfChange(doc);
    const good = linkOrFail(doc, { actionId: actions[0], target: { kind: 'outcome', id: outcomes[0] } });
    const actionMap = doc.getMap(theoryOfChangeMapNames.action);
    const linkMap = doc.getMap(theoryOfChangeMapNames.link);
    actionMap.set('just-a-string', 'not a map');
    actionMap.set('plain-name', new Y.Map(Object.entries({ name: 'typed as plain', provider: new Y.Text('') })));
    linkMap.set(
      'orphan',
      new Y.Map<unknown>(
        Object.entries({
          actionId: 'no-such-action',
          targetKind: 'outcome',
          targetId: outcomes[0],
          mechanism: new Y.Text(''),
          evidence: 'untested',
          timeframe: 'short',
          createdAt: new Date().toISOString(),
        }),
      ),
    );
    linkMap.set(
      'bad-evidence',
      new Y.Map<unknown>(
        Object.entries({
          actionId: actions[0],
          targetKind: 'outcome',
          targetId: outcomes[0],
          mechanism: new Y.Text(''),
          evidence: 'anecdote',
          timeframe: 'short',
          createdAt: new Date().toISOString(),
        }),
      ),
    );
    // One unreadable assumption is skipped; the link and its other assumptions stay.
    const assumptions = (linkMap.get(good) as Y.Map<unknown>).get('assumptions') as Y.Map<unknown>;
    assumptions.set('broken', new Y.Map<unknown>(Object.entries({ text: 'plain', checked: 'yes' })));

    const read = readTheoryOfChange(doc, readFramework(doc));
    expect(read.actions.map((a) => a.id)).toEqual([...actions]);
    expect(read.links.map((l) => l.id)).toEqual([good]);
    expect(read.problems.map((p) => `${p.kind} ${p.id}`).sort()).toEqual(
      ['action just-a-string', 'action plain-name', 'link bad-evidence', `link ${good}`, 'link orphan'].sort(),
    );
    expect(read.problems.find((p) => p.id === 'orphan')!.reason).toContain('does not exist');
  });
});
