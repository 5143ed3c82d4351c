import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  applyDataMappingImport,
  dataMappingToRows,
  metricContexts,
  planDataMappingImport,
  readDataMapping,
  updateDataMapping,
} from '../../../../shared/model/dataMapping/index.ts';
import { readFramework } from '../../../../shared/model/framework/index.ts';
import { seedFramework } from '../framework/factories.ts';

const importer = { by: 'Importer', on: '2026-04-01' };

function workspace() {
  const doc = new Y.Doc();
  const ids = seedFramework(doc);
  updateDataMapping(
    doc,
    ids.metrics[0]!,
    { status: 'partial', reason: 'Annual only, "we need" quarterly' },
    {
      by: 'Asha',
      on: '2026-03-01',
    },
  );
  const read = () => {
    const contexts = metricContexts(readFramework(doc));
    const mappings = readDataMapping(doc).byMetric;
    return { contexts, mappings, rows: dataMappingToRows(contexts, mappings) };
  };
  return { doc, ids, read };
}

describe('data mapping spreadsheet', () => {
  it('round-trips: export, import, export again gives the same rows and changes nothing', () => {
    const { doc, read } = workspace();
    const before = read();
    const plan = planDataMappingImport(before.rows, before.contexts, before.mappings);
    expect(plan).toMatchObject({ ok: true, report: { changed: 0, unchanged: 3, unknownMetrics: [] } });
    if (plan.ok) applyDataMappingImport(doc, plan.changes, before.mappings, importer);
    expect(read().rows).toEqual(before.rows);
  });

  it("applies a council's edited copy, stamping changed rows, and reports unknown metrics without creating them", () => {
    const { doc, ids, read } = workspace();
    const { rows, contexts, mappings } = read();
    const edited = rows.map((row) => ({ ...row }));
    edited[1]!.Status = 'missing';
    edited[1]!['Data owner'] = 'Police';
    edited[2]!['Last reviewed'] = '15/02/2026';
    edited[2]!['Reviewed by'] = 'Dee';
    edited.push({ ...edited[0]!, 'Metric id': 'no-such-metric', Metric: 'Made up' });
    const plan = planDataMappingImport(edited, contexts, mappings);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.report).toEqual({ changed: 2, unchanged: 1, unknownMetrics: [{ row: 5, metric: 'no-such-metric' }] });
    applyDataMappingImport(doc, plan.changes, mappings, importer);
    const after = readDataMapping(doc).byMetric;
    expect(after.get(ids.metrics[1]!)).toMatchObject({ status: 'missing', owner: 'Police', reviewedBy: 'Importer' });
    expect(after.get(ids.metrics[2]!)).toMatchObject({ status: null, reviewedAt: '2026-02-15', reviewedBy: 'Dee' });
    expect(after.has('no-such-metric')).toBe(false);
  });

  it('refuses the whole file with a row-by-row report', () => {
    const { read } = workspace();
    const { rows, contexts, mappings } = read();
    const bad = rows.map((row) => ({ ...row }));
    bad[0]!.Status = 'Sort of';
    bad[1]!['Last reviewed'] = '31/02/2026';
    bad[2]!['Metric id'] = bad[0]!['Metric id'];
    const plan = planDataMappingImport(bad, contexts, mappings);
    expect(plan.ok).toBe(false);
    if (plan.ok) return;
    expect(plan.errors.map((error) => [error.row, error.column])).toEqual([
      [2, 'Status'],
      [3, 'Last reviewed'],
      [4, 'Metric id'],
    ]);
  });

  it('matches by metric name when the id is blank', () => {
    const { read, ids } = workspace();
    const { rows, contexts, mappings } = read();
    const byName = [{ ...rows[1]!, 'Metric id': '', Status: 'Available' }];
    const plan = planDataMappingImport(byName, contexts, mappings);
    expect(plan.ok && plan.changes[0]).toMatchObject({ metricId: ids.metrics[1], patch: { status: 'available' } });
  });
});
