import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addOutcome,
  deleteOutcome,
  frameworkToRows,
  maxFrameworkImportRows,
  planFrameworkImport,
  readFramework,
  readIndicator,
  readOutcome,
  restoreOutcome,
  type FrameworkImportPlan,
} from '../../../../../shared/model/framework/index.ts';
import { applyTemplate } from '../../../../../shared/templates/index.ts';
import { frameworkColumns } from '../../../../../shared/schemas/framework.ts';
import { buildOutcome, buildRow, seedFramework } from '../factories.ts';

function applied(plan: FrameworkImportPlan, doc: Y.Doc): void {
  if (!plan.ok) throw new Error(JSON.stringify(plan.errors));
  plan.apply(doc);
}

const withoutMetric = Object.fromEntries(
  frameworkColumns
    .filter((column) => /^(Metric|Unit|Polarity|Source|Fingertips|Frequency|Breakdowns)/.test(column))
    .map((c) => [c, '']),
);

function templateDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, 'common-outcomes');
  return doc;
}

describe('planning a framework import', () => {
  it('round-trips: export, import into a new workspace, export again gives the same rows', () => {
    const rows = frameworkToRows(readFramework(templateDoc()));
    const copy = new Y.Doc();
    applied(planFrameworkImport(copy, rows), copy);
    expect(frameworkToRows(readFramework(copy))).toEqual(rows);
  });

  it('writes nothing when the file matches the workspace', () => {
    const doc = templateDoc();
    const before = Y.encodeStateVector(doc);
    applied(planFrameworkImport(doc, frameworkToRows(readFramework(doc))), doc);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps an indicator’s outcomes: the outcomes on its rows are the ones it serves', () => {
    const doc = new Y.Doc();
    const { indicators, outcomes } = seedFramework(doc);
    const copy = new Y.Doc();
    applied(planFrameworkImport(copy, frameworkToRows(readFramework(doc))), copy);
    expect(readIndicator(copy, indicators[0]!)?.outcomeIds.sort()).toEqual([outcomes[0], outcomes[2]].sort());
  });

  it('adds new items from rows without ids, grouping rows that name the same new outcome and indicator', () => {
    const doc = new Y.Doc();
    const shared = { Outcome: 'Children are safe at home', Indicator: 'Injury admissions' };
    const plan = planFrameworkImport(doc, [
      buildRow({ ...shared, Metric: 'Admissions, ages 0 to 4' }),
      buildRow({ ...shared, Metric: 'Admissions, ages 5 to 11' }),
      buildRow({
        ...withoutMetric,
        Domain: 'healthy',
        Level: 'system',
        Outcome: 'Every baby is screened',
        Indicator: 'Injury admissions',
      }),
    ]);
    applied(plan, doc);
    if (plan.ok) expect(plan.summary.outcomes).toEqual({ inFile: 2, added: 2, updated: 0, unchanged: 0, removed: 0 });
    const framework = readFramework(doc);
    expect(framework.outcomes.map((outcome) => outcome.statement)).toEqual([
      'Children are safe at home',
      'Every baby is screened',
    ]);
    expect(framework.indicators).toHaveLength(1);
    expect(framework.indicators[0]!.outcomeIds).toHaveLength(2);
    expect(framework.metrics.map((metric) => metric.name)).toEqual([
      'Admissions, ages 0 to 4',
      'Admissions, ages 5 to 11',
    ]);
    expect(framework.outcomes[0]).toMatchObject({ scope: 'local', ageStages: ['0-2'] });
  });

  it('reports every problem by row and column, and changes nothing', () => {
    const doc = new Y.Doc();
    const plan = planFrameworkImport(doc, [
      buildRow({ 'Outcome id': 'o1', Outcome: 'First wording' }),
      buildRow({ Domain: 'Wealthy' }),
      buildRow({ Indicator: '', 'Indicator scope': '' }),
      buildRow({ 'Fingertips id': 'FT-90631', Polarity: 'up is good' }),
      buildRow({ 'Outcome id': 'o1', Outcome: 'Second wording' }),
      buildRow({ 'Age stages': 'Age 0 to 2; teenagers' }),
      buildRow({ 'Outcome id': 'bad id!' }),
    ]);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map(({ row, column }) => [row, column])).toEqual([
      [3, 'Domain'],
      [4, 'Indicator'],
      [5, 'Polarity'],
      [5, 'Fingertips id'],
      [6, 'Outcome'],
      [7, 'Age stages'],
      [8, 'Outcome id'],
    ]);
    expect(plan.errors[0]!.message).toMatch(/"Wealthy" is not one of Safe, Healthy/);
    expect(plan.errors[4]!.message).toBe('Outcome differs from row 2, which describes the same outcome');
    expect(readFramework(doc).outcomes).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it('accepts keys, labels and other spellings of a choice', () => {
    const doc = new Y.Doc();
    applied(
      planFrameworkImport(doc, [
        buildRow({
          Domain: 'learning',
          Level: 'PARENT-CARER',
          Polarity: 'higher is better',
          'Age stages': '0–2; pregnancy',
        }),
      ]),
      doc,
    );
    const [outcome] = readFramework(doc).outcomes;
    expect(outcome).toMatchObject({ domain: 'learning', level: 'parent-carer', ageStages: ['pregnancy', '0-2'] });
    expect(readFramework(doc).metrics[0]?.polarity).toBe('higher-is-better');
  });

  it('merges by default: items the file does not list are left alone', () => {
    const doc = new Y.Doc();
    const kept = addOutcome(doc, buildOutcome());
    applied(planFrameworkImport(doc, [buildRow()]), doc);
    expect(readOutcome(doc, kept)).not.toBeNull();
    expect(readFramework(doc).outcomes).toHaveLength(2);
  });

  it('replaces on request: items the file does not list are soft-deleted, so the import can be undone', () => {
    const doc = new Y.Doc();
    const removed = addOutcome(doc, buildOutcome());
    const plan = planFrameworkImport(doc, [buildRow()], { mode: 'replace', by: 'importer' });
    if (plan.ok) expect(plan.summary.outcomes.removed).toBe(1);
    applied(plan, doc);
    expect(readOutcome(doc, removed)).toBeNull();
    expect(readOutcome(doc, removed, { includeDeleted: true })?.deletedBy).toBe('importer');
    restoreOutcome(doc, removed);
    expect(readOutcome(doc, removed)).not.toBeNull();
  });

  it('restores a deleted item the file lists, and keeps links to outcomes the file does not list', () => {
    const doc = new Y.Doc();
    const { outcomes, indicators } = seedFramework(doc);
    const rows = frameworkToRows(readFramework(doc)).filter((row) => row['Outcome id'] !== outcomes[2]);
    deleteOutcome(doc, outcomes[0]!, 'someone');
    applied(planFrameworkImport(doc, rows), doc);
    expect(readOutcome(doc, outcomes[0]!)).not.toBeNull();
    expect(readIndicator(doc, indicators[0]!)?.outcomeIds.sort()).toEqual([outcomes[0], outcomes[2]].sort());
  });

  it('applies the same way twice, so a retried import does not duplicate', () => {
    const doc = new Y.Doc();
    const plan = planFrameworkImport(doc, [buildRow(), buildRow()]);
    applied(plan, doc);
    applied(plan, doc);
    expect(readFramework(doc).outcomes).toHaveLength(2);
  });

  it('refuses a file with too many rows', () => {
    const rows = Array.from({ length: maxFrameworkImportRows + 1 }, () => buildRow());
    const plan = planFrameworkImport(new Y.Doc(), rows);
    expect(plan.ok ? [] : plan.errors).toEqual([
      { row: null, column: null, message: `The file has more than ${maxFrameworkImportRows} rows` },
    ]);
  });
});
