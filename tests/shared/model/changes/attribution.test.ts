import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compareVersions, type AuthorOf } from '../../../../shared/model/changes/index.ts';
import { updateDataMapping } from '../../../../shared/model/dataMapping/index.ts';
import {
  addIndicator,
  addMetric,
  addOutcome,
  deleteOutcome,
  updateOutcome,
} from '../../../../shared/model/framework/index.ts';
import { buildIndicator, buildMetric, buildOutcome, sync } from '../framework/factories.ts';
import { buildFacts, outline, snapshot } from './helpers.ts';

const ann = { id: 'u-ann', name: 'Ann' };
const bob = { id: 'u-bob', name: 'Bob' };
const people: AuthorOf = (clientId) => (clientId === 1 ? ann : clientId === 2 ? bob : null);

/** Two replicas of one workspace, Ann's (client 1) and Bob's (client 2), with a framework both have. */
function twoPeople() {
  const annDoc = new Y.Doc();
  annDoc.clientID = 1;
  const bobDoc = new Y.Doc();
  bobDoc.clientID = 2;
  const safe = addOutcome(annDoc, buildOutcome({ statement: 'Children are safe' }));
  const old = addOutcome(annDoc, buildOutcome({ statement: 'Old outcome' }));
  const indicator = addIndicator(annDoc, buildIndicator({ outcomeIds: [safe] }));
  const metric = addMetric(annDoc, buildMetric(indicator, { name: 'Admissions' }));
  sync(annDoc, bobDoc);
  return { annDoc, bobDoc, safe, old, metric };
}

function byOf(changes: ReturnType<typeof compareVersions>['changes']): [string, string | null][] {
  return changes.map((change) => [outline(change), change.by?.name ?? null]);
}

describe('who changed what', () => {
  it('attributes concurrent edits by two people to each of them', () => {
    const { annDoc, bobDoc, safe, old, metric } = twoPeople();
    const older = snapshot(annDoc);
    updateOutcome(annDoc, safe, { statement: 'Children are safe at home' });
    addOutcome(bobDoc, buildOutcome({ statement: 'Babies are breastfed' }));
    deleteOutcome(bobDoc, old, 'Bob');
    updateDataMapping(bobDoc, metric, { status: 'available' }, { by: 'Bob', on: '2026-11-30' });
    sync(annDoc, bobDoc);
    const { changes } = compareVersions(older, snapshot(bobDoc), { authorOf: people });
    expect(byOf(changes)).toEqual([
      ['framework | added | outcome | Babies are breastfed | -', 'Bob'],
      ['framework | changed | outcome | Children are safe at home | statement', 'Ann'],
      ['framework | removed | outcome | Old outcome | -', 'Bob'],
      ['data-mapping | changed | metric | Admissions | status', 'Bob'],
    ]);
    expect(changes.find((change) => change.kind === 'added')?.by).toEqual(bob);
  });

  it('gives a text edited by both, one after the other, to whoever wrote last', () => {
    for (const [first, second, lastName] of [
      ['annDoc', 'bobDoc', 'Bob'],
      ['bobDoc', 'annDoc', 'Ann'],
    ] as const) {
      const replicas = twoPeople();
      const older = snapshot(replicas.annDoc);
      updateOutcome(replicas[first], replicas.safe, { statement: 'Children are safe at home' });
      sync(replicas.annDoc, replicas.bobDoc);
      updateOutcome(replicas[second], replicas.safe, { statement: 'Children are safe at home and school' });
      sync(replicas.annDoc, replicas.bobDoc);
      const { changes } = compareVersions(older, snapshot(replicas.annDoc), { authorOf: people });
      expect(byOf(changes)).toEqual([
        ['framework | changed | outcome | Children are safe at home and school | statement', lastName],
      ]);
    }
  });

  it('gives a field set by both to whoever set it last', () => {
    const { annDoc, bobDoc, safe } = twoPeople();
    const older = snapshot(annDoc);
    updateOutcome(bobDoc, safe, { scope: 'core' });
    sync(annDoc, bobDoc);
    updateOutcome(annDoc, safe, { scope: 'local' });
    updateOutcome(annDoc, safe, { scope: 'core' });
    sync(annDoc, bobDoc);
    const { changes } = compareVersions(older, snapshot(bobDoc), { authorOf: people });
    expect(byOf(changes)).toEqual([['framework | changed | outcome | Children are safe | scope', 'Ann']]);
  });

  it('attributes nothing to anyone when the author is unknown or the facts do not say', () => {
    const { annDoc, safe } = twoPeople();
    const older = snapshot(annDoc);
    updateOutcome(annDoc, safe, { statement: 'Children are safe at home' });
    expect(compareVersions(older, snapshot(annDoc)).changes[0]!.by).toBeNull();
    const stranger: AuthorOf = () => null;
    expect(compareVersions(older, snapshot(annDoc), { authorOf: stranger }).changes[0]!.by).toBeNull();
    expect(compareVersions(older, { doc: older.doc, facts: buildFacts() }).changes).toEqual([]);
  });
});
