import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  frameworkToRows,
  planFrameworkImport,
  readFramework,
  readFrameworkEntities,
} from '../../../../../shared/model/framework/index.ts';
import { importLosses } from '../../../../../shared/model/framework/spreadsheet/importLosses.ts';
import { addAction } from '../../../../../shared/model/theoryOfChange/actions.ts';
import { addLink } from '../../../../../shared/model/theoryOfChange/links.ts';
import { updateDataMapping } from '../../../../../shared/model/dataMapping/dataMapping.ts';
import { applyTemplate } from '../../../../../shared/templates/index.ts';

function templateDoc(): Y.Doc {
  const doc = new Y.Doc();
  applyTemplate(doc, 'common-outcomes');
  return doc;
}

describe('what an import preview counts', () => {
  it('counts nothing as updated when the file is the framework as it is', () => {
    const doc = templateDoc();
    const { outcomes, indicators, metrics } = readFrameworkEntities(doc);
    const plan = planFrameworkImport(doc, frameworkToRows(readFramework(doc)));
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.summary).toEqual({
      outcomes: { inFile: outcomes.length, added: 0, updated: 0, unchanged: outcomes.length, removed: 0 },
      indicators: { inFile: indicators.length, added: 0, updated: 0, unchanged: indicators.length, removed: 0 },
      metrics: { inFile: metrics.length, added: 0, updated: 0, unchanged: metrics.length, removed: 0 },
    });
  });

  it('counts only the rows whose item really changes as updated', () => {
    const doc = templateDoc();
    const rows = frameworkToRows(readFramework(doc));
    const firstOutcome = rows[0]!.Outcome;
    // Every row of the first outcome carries its statement: rewording it there updates one outcome, nothing else.
    const edited = rows.map((row) =>
      row.Outcome === firstOutcome ? { ...row, Outcome: `${firstOutcome}, always` } : row,
    );
    const plan = planFrameworkImport(doc, edited);
    if (!plan.ok) throw new Error('plan failed');
    expect(plan.summary.outcomes.updated).toBe(1);
    expect(plan.summary.indicators.updated).toBe(0);
    expect(plan.summary.metrics.updated).toBe(0);
  });
});

describe('what a replace takes away', () => {
  it('names the priorities, links, evidence and data mapping on the items it deletes', () => {
    const doc = templateDoc();
    const { outcomes, indicators, metrics } = readFramework(doc);
    // Keep only the rows of the first outcome: everything else goes.
    const rows = frameworkToRows(readFramework(doc));
    const kept = rows.filter((row) => row.Outcome === outcomes[0]!.statement);
    const gone = outcomes[1]!;
    const goneIndicator = indicators.find((indicator) => indicator.outcomeIds.every((id) => id !== outcomes[0]!.id))!;
    const goneMetric = metrics.find((metric) => metric.indicatorId === goneIndicator.id)!;
    const keptMetric = metrics.find((metric) => kept.some((row) => row['Metric id'] === metric.id))!;
    const action = addAction(doc, { name: 'Baby clinics' });
    addLink(doc, { actionId: action, target: { kind: 'outcome', id: gone.id } });
    addLink(doc, { actionId: action, target: { kind: 'outcome', id: outcomes[0]!.id } });
    updateDataMapping(doc, goneMetric.id, { status: 'missing' }, { by: 'Ana', on: '2026-11-01' });
    updateDataMapping(doc, keptMetric.id, { status: 'available' }, { by: 'Ana', on: '2026-11-01' });

    const plan = planFrameworkImport(doc, kept, { mode: 'replace', by: 'importer' });
    if (!plan.ok) throw new Error('plan failed');
    const losses = importLosses(doc, plan.removedIds, {
      priorities: [
        { kind: 'outcome', refId: gone.id },
        { kind: 'outcome', refId: outcomes[0]!.id },
        { kind: 'concern', refId: 'c-1' },
      ],
      observationsByMetric: new Map([
        [goneMetric.id, 12],
        [keptMetric.id, 30],
      ]),
    });
    expect(losses.priorities).toEqual([{ kind: 'outcome', id: gone.id, label: gone.statement }]);
    expect(losses.links).toEqual([expect.objectContaining({ action: 'Baby clinics', target: gone.statement })]);
    expect(losses.evidence).toEqual([{ id: goneMetric.id, label: goneMetric.name, observations: 12 }]);
    expect(losses.dataMapping).toEqual([{ id: goneMetric.id, label: goneMetric.name, status: 'Missing' }]);
    expect(plan.summary.outcomes.removed).toBe(outcomes.length - 1);
  });
});
