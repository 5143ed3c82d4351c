import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareVersions } from '../../../../shared/model/changes/index.ts';
import { ChangesSchema } from '../../../../shared/schemas/cycles.ts';
import { addConcern, deleteConcern } from '../../../../shared/model/concerns/index.ts';
import { updateDataMapping } from '../../../../shared/model/dataMapping/index.ts';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteIndicator,
  deleteOutcome,
  linkIndicator,
  moveMetric,
  moveOutcome,
  restoreOutcome,
  updateIndicator,
  updateMetric,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { narrativeFragment } from '../../../../shared/model/narratives/index.ts';
import {
  addAction,
  addLink,
  deleteAction,
  deleteLink,
  updateLink,
} from '../../../../shared/model/theoryOfChange/index.ts';
import { buildIndicator, buildMetric, buildOutcome } from '../framework/factories.ts';
import { outline, snapshot } from './helpers.ts';

const stamp = { by: 'Ann', on: '2026-11-30' };

function linkId(result: ReturnType<typeof addLink>): string {
  if (!result.ok) throw new Error(result.message);
  return result.id;
}

/** A small partnership with something of every kind the document holds. */
function seedWorkspace() {
  const doc = new Y.Doc();
  const safe = addOutcome(doc, buildOutcome({ statement: 'Children are safe at home' }));
  const money = addOutcome(
    doc,
    buildOutcome({ statement: 'Families have enough money', domain: 'engaged', level: 'parent-adult' }),
  );
  const old = addOutcome(doc, buildOutcome({ statement: 'Old outcome' }));
  const parents = addOutcome(doc, buildOutcome({ statement: 'Parents feel confident', level: 'parent-carer' }));
  const injuries = addIndicator(
    doc,
    buildIndicator({ name: 'Injury admissions', definition: 'Admissions for injuries', outcomeIds: [safe] }),
  );
  const oldIndicator = addIndicator(doc, buildIndicator({ name: 'Old indicator', outcomeIds: [safe] }));
  const stays = addIndicator(doc, buildIndicator({ name: 'Hospital stays', outcomeIds: [safe] }));
  const injuriesRate = addMetric(doc, buildMetric(injuries, { name: 'Injuries per 1,000' }));
  const admissions = addMetric(
    doc,
    buildMetric(injuries, { name: 'Admissions per 10,000', polarity: 'lower-is-better', source: 'HES' }),
  );
  updateDataMapping(doc, admissions, { status: 'missing' }, stamp);
  const clinics = addAction(doc, { name: 'Baby clinics' });
  const oldAction = addAction(doc, { name: 'Old action' });
  const clinicsToSafe = linkId(addLink(doc, { actionId: clinics, target: { kind: 'outcome', id: safe } }));
  const clinicsToInjuries = linkId(addLink(doc, { actionId: clinics, target: { kind: 'indicator', id: injuries } }));
  const absence = addConcern(doc, { name: 'Rising absence' }, 'Ann');
  return {
    doc,
    safe,
    money,
    old,
    parents,
    injuries,
    oldIndicator,
    stays,
    injuriesRate,
    admissions,
    clinics,
    oldAction,
    clinicsToSafe,
    clinicsToInjuries,
    absence,
  };
}

describe('compareVersions on the document', () => {
  it('finds nothing between a version and itself', () => {
    const { doc } = seedWorkspace();
    const version = snapshot(doc);
    expect(compareVersions(version, version)).toEqual({
      summary: 'Nothing changed between these two versions.',
      changes: [],
    });
    expect(compareVersions(version, snapshot(doc)).changes).toEqual([]);
  });

  it('detects every kind of change once, grouped by domain and ordered by label', () => {
    const w = seedWorkspace();
    const { doc } = w;
    const older = snapshot(doc);

    updateOutcome(doc, w.safe, { statement: 'Children are safe and secure at home' });
    moveOutcome(doc, w.money, { level: 'parent-carer' });
    updateOutcome(doc, w.money, { scope: 'core' });
    deleteOutcome(doc, w.old, 'Ann');
    moveOutcome(doc, w.parents, { domain: 'happy' });
    moveMetric(doc, w.injuriesRate, { indicatorId: w.stays });
    addOutcome(doc, buildOutcome({ statement: 'New outcome', domain: 'happy' }));
    updateIndicator(doc, w.injuries, { definition: 'Emergency admissions for injuries' });
    linkIndicator(doc, w.injuries, w.money);
    deleteIndicator(doc, w.oldIndicator, 'Ann');
    updateMetric(doc, w.admissions, { polarity: 'higher-is-better', source: 'Local data' });
    addMetric(doc, buildMetric(w.injuries, { name: 'Weight at two years' }));
    updateDataMapping(doc, w.admissions, { status: 'partial', reason: 'Only annual figures' }, stamp);
    updateLink(doc, w.clinicsToSafe, { evidence: 'promising' });
    deleteLink(doc, w.clinicsToInjuries, 'Ann');
    deleteAction(doc, w.oldAction, 'Ann');
    const groups = addAction(doc, { name: 'Parenting groups' });
    linkId(addLink(doc, { actionId: groups, target: { kind: 'outcome', id: w.money } }));
    deleteConcern(doc, w.absence, 'Ann');
    addConcern(doc, { name: 'Young carers' }, 'Bob');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Absence is rising in the north.')]);
    narrativeFragment(doc, 'narrative:domain:safe').insert(0, [paragraph]);

    const { changes, summary } = compareVersions(older, snapshot(doc));
    expect(ChangesSchema.shape.changes.parse(changes)).toEqual(changes);
    expect(changes.map(outline)).toEqual([
      'framework | changed | metric | Admissions per 10,000 | polarity',
      'framework | changed | metric | Admissions per 10,000 | source',
      'framework | changed | outcome | Children are safe and secure at home | statement',
      'framework | moved | outcome | Families have enough money | level',
      'framework | changed | outcome | Families have enough money | scope',
      'framework | moved | metric | Injuries per 1,000 | indicator',
      'framework | changed | indicator | Injury admissions | definition',
      'framework | changed | indicator | Injury admissions | outcomes',
      'framework | added | outcome | New outcome | -',
      'framework | removed | indicator | Old indicator | -',
      'framework | removed | outcome | Old outcome | -',
      'framework | moved | outcome | Parents feel confident | domain',
      'framework | added | metric | Weight at two years | -',
      'data-mapping | changed | metric | Admissions per 10,000 | status',
      'theory-of-change | changed | link | Baby clinics → Children are safe and secure at home | evidence',
      'theory-of-change | removed | link | Baby clinics → Injury admissions | -',
      'theory-of-change | removed | action | Old action | -',
      'theory-of-change | added | action | Parenting groups | -',
      'theory-of-change | added | link | Parenting groups → Families have enough money | -',
      'concerns | removed | concern | Rising absence | -',
      'concerns | added | concern | Young carers | -',
      'narratives | changed | narrative | Needs assessment: Safe | text',
    ]);
    expect(summary).toBe(
      '22 changes: outcomes, indicators and metrics (2 added, 2 removed, 6 changed, 3 moved); data mapping (1 changed); ' +
        'theory of change (2 added, 2 removed, 1 changed); concerns (1 added, 1 removed); needs assessment (1 changed).',
    );
  });

  it('says what changed in values and words', () => {
    const w = seedWorkspace();
    const older = snapshot(w.doc);
    updateOutcome(w.doc, w.safe, { statement: 'Children are safe and secure at home' });
    moveOutcome(w.doc, w.money, { level: 'parent-carer' });
    updateDataMapping(w.doc, w.admissions, { status: 'partial', reason: 'Only annual figures' }, stamp);
    deleteOutcome(w.doc, w.old, 'Ann');
    const { changes } = compareVersions(older, snapshot(w.doc));
    const find = (label: string, field?: string) =>
      changes.find((change) => change.entity.label === label && change.field === field);
    expect(find('Children are safe and secure at home', 'statement')).toMatchObject({
      before: 'Children are safe at home',
      after: 'Children are safe and secure at home',
      diff: [
        { op: 'equal', text: 'Children are safe ' },
        { op: 'insert', text: 'and secure ' },
        { op: 'equal', text: 'at home' },
      ],
      words: 'Statement reworded',
      attention: false,
    });
    expect(find('Families have enough money', 'level')).toMatchObject({
      kind: 'moved',
      before: 'Parents and carers as adults',
      after: 'Parents and carers as parents',
      words: 'Moved to Parents and carers as parents',
    });
    expect(find('Admissions per 10,000', 'status')).toMatchObject({
      domain: 'data-mapping',
      before: 'Missing',
      after: 'Partial',
      words: 'Partial (was missing): Only annual figures',
    });
    expect(find('Old outcome')).toMatchObject({
      kind: 'removed',
      before: 'Old outcome',
      after: null,
      words: 'Deleted',
    });
  });

  it('reports a restore as an addition and a hide with its outcome as a removal', () => {
    const doc = new Y.Doc();
    const outcome = addOutcome(doc, buildOutcome({ statement: 'Only outcome' }));
    addIndicator(doc, buildIndicator({ name: 'Only indicator', outcomeIds: [outcome] }));
    const live = snapshot(doc);
    deleteOutcome(doc, outcome, 'Ann');
    const deleted = snapshot(doc);
    const removal = compareVersions(live, deleted).changes;
    expect(removal.map((change) => [outline(change), change.words])).toEqual([
      ['framework | removed | indicator | Only indicator | -', 'Hidden with its outcomes'],
      ['framework | removed | outcome | Only outcome | -', 'Deleted'],
    ]);
    restoreOutcome(doc, outcome);
    const restoral = compareVersions(deleted, snapshot(doc)).changes;
    expect(restoral.map((change) => [outline(change), change.words])).toEqual([
      ['framework | added | indicator | Only indicator | -', 'Restored'],
      ['framework | added | outcome | Only outcome | -', 'Restored to Safe (Babies, children and young people)'],
    ]);
  });

  it('reports deleting an outcome an indicator also serves once, not again as a lost link', () => {
    const doc = new Y.Doc();
    const first = addOutcome(doc, buildOutcome({ statement: 'First outcome' }));
    const second = addOutcome(doc, buildOutcome({ statement: 'Second outcome' }));
    addIndicator(doc, buildIndicator({ name: 'Shared indicator', outcomeIds: [first, second] }));
    const older = snapshot(doc);
    deleteOutcome(doc, second, 'Ann');
    expect(compareVersions(older, snapshot(doc)).changes.map(outline)).toEqual([
      'framework | removed | outcome | Second outcome | -',
    ]);
  });
});
