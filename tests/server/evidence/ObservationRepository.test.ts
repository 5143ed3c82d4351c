import { describe, expect, it } from 'vitest';
import type { ObservationDraft } from '../../../server/evidence/observationDraft.ts';
import type { BatchRecord } from '../../../server/store/repositories/ObservationRepository.ts';
import { createTestPartnership } from '../../helpers/storeFactories.ts';
import { openTestStore } from '../../helpers/testStore.ts';

const areas = [
  ['E09000024', 'Merton'],
  ['E12000007', 'London region'],
  ['E92000001', 'England'],
] as const;

function buildDraft(i: number, overrides: Partial<ObservationDraft> = {}): ObservationDraft {
  const [areaCode, areaName] = areas[i % 3]!;
  const ward = i % 5 === 0;
  return {
    metricId: `metric-${i % 7}`,
    areaCode,
    areaName,
    period: `${2000 + (i % 20)}/${i}`,
    periodKey: 20000000 + (i % 20) * 10000,
    categoryType: ward ? 'Ward' : '',
    category: ward ? `Ward ${i}` : '',
    value: i % 11 === 0 ? null : i * 0.1,
    lowerCi: 5.1,
    upperCi: 1e-7 * i,
    count: i % 13 === 0 ? 3 : i,
    denominator: 2549,
    note: i % 17 === 0 ? 'Provisional' : '',
    source: 'fingertips',
    lowerCi998: i % 3 === 0 ? null : 4.9,
    upperCi998: i % 3 === 0 ? null : 1e-7 * i + 0.5,
    quintile: i % 7 === 0 ? null : (i % 5) + 1,
    fingertipsVsEngland: i % 4 === 0 ? null : 'Better 95%',
    fingertipsVsRegion: i % 4 === 1 ? null : 'Similar',
    ...overrides,
  };
}

async function world() {
  const store = await openTestStore();
  await createTestPartnership(store, 'p1', { name: 'Merton family hubs', areaName: 'Merton' });
  const batch = (id: string, importedAt: string): BatchRecord => ({
    id,
    partnershipId: 'p1',
    source: 'fingertips',
    fileName: `${id}.csv`,
    importedBy: null,
    importedAt,
  });
  return { store, batch };
}

describe('the observation repository', () => {
  it('upserts in chunks: counts new, changed and unchanged rows, and records a batch only when something changed', async () => {
    const { store, batch } = await world();
    // More rows than one statement takes, so the chunks are exercised.
    const drafts = Array.from({ length: 1234 }, (_, i) => buildDraft(i));
    const upsert = (rows: ObservationDraft[], id: string, at: string) =>
      store.transaction((tx) => tx.observations.upsert('p1', rows, batch(id, at)));

    expect(await upsert(drafts, 'b1', '2026-01-01T00:00:00.000Z')).toEqual({ created: 1234, changed: 0, unchanged: 0 });
    expect(await upsert([...drafts, drafts[0]!], 'b2', '2026-01-02T00:00:00.000Z')).toEqual({
      created: 0,
      changed: 0,
      unchanged: 1234,
    });
    const edited = drafts.map((draft, i) => (i < 10 ? { ...draft, value: 99.5, note: 'Revised' } : draft));
    expect(await upsert([...edited, buildDraft(5000)], 'b3', '2026-01-03T00:00:00.000Z')).toEqual({
      created: 1,
      changed: 10,
      unchanged: 1224,
    });

    const batches = await store.observations.batches('p1');
    expect(batches.map((b) => [b.id, b.fileName, b.created, b.changed, b.unchanged])).toEqual([
      ['b3', 'b3.csv', 1, 10, 1224],
      ['b1', 'b1.csv', 1234, 0, 0],
    ]);
    const stored = await store.observations.all('p1');
    expect(stored).toHaveLength(1235);
    const revised = stored.find((o) => o.metricId === edited[0]!.metricId && o.period === edited[0]!.period)!;
    expect(revised).toMatchObject({
      value: 99.5,
      note: 'Revised',
      batchId: 'b3',
      importedAt: '2026-01-03T00:00:00.000Z',
    });
    // Numbers come back exactly as they went in (doubles), nulls as nulls.
    const byKey = new Map(stored.map((o) => [`${o.metricId}|${o.period}`, o]));
    for (const draft of edited.slice(0, 200)) {
      const { importedAt: _at, batchId: _batch, ...values } = byKey.get(`${draft.metricId}|${draft.period}`)!;
      expect(values).toEqual(draft);
    }
  });

  it('keeps nothing of an import whose unit of work fails', async () => {
    const { store, batch } = await world();
    await expect(
      store.transaction(async (tx) => {
        await tx.observations.upsert('p1', [buildDraft(1), buildDraft(2)], batch('b1', '2026-01-01T00:00:00.000Z'));
        throw new Error('the audit entry could not be written');
      }),
    ).rejects.toThrow('audit entry');
    expect(await store.observations.hasAny('p1')).toBe(false);
    expect(await store.observations.batches('p1')).toEqual([]);
  });

  it('reads per metric, per series, the overview and the areas in a fixed order', async () => {
    const { store, batch } = await world();
    const drafts = Array.from({ length: 300 }, (_, i) => buildDraft(i));
    const local = buildDraft(1, { metricId: 'metric-1', period: '2030/1', periodKey: 20300000, source: 'local' });
    await store.transaction((tx) =>
      tx.observations.upsert('p1', [...drafts, local], batch('b1', '2026-01-01T00:00:00.000Z')),
    );

    const metric = await store.observations.forMetric('p1', 'metric-0');
    expect(metric.length).toBeGreaterThan(0);
    const order = (o: ObservationDraft) => [o.periodKey, o.areaCode, o.categoryType, o.category, o.period];
    expect(metric.map(order)).toEqual(
      metric.map(order).sort((a, b) => {
        for (let i = 0; i < a.length; i++) if (a[i]! !== b[i]!) return a[i]! < b[i]! ? -1 : 1;
        return 0;
      }),
    );
    const series = await store.observations.forMetrics('p1', ['metric-2', 'metric-1'], true);
    expect(series.every((o) => o.categoryType === '')).toBe(true);
    expect(series.map((o) => o.metricId)).toEqual([...series.map((o) => o.metricId)].sort());
    expect(await store.observations.forMetrics('p1', [], true)).toEqual([]);

    const overview = await store.observations.overview('p1');
    expect(overview.map((m) => m.metricId)).toEqual(Array.from({ length: 7 }, (_, i) => `metric-${i}`));
    expect(overview.find((m) => m.metricId === 'metric-1')).toMatchObject({
      latestPeriod: '2030/1',
      sources: ['fingertips', 'local'],
    });
    expect(overview.reduce((sum, m) => sum + m.observations, 0)).toBe(301);
    expect(await store.observations.areas('p1')).toEqual(areas.map(([code, name]) => ({ code, name })));
    expect(await store.observations.hasAny('p1')).toBe(true);
  });

  it("counts a row changed when only Fingertips' methods fields change (99.8% limits, quintile, its texts)", async () => {
    const { store, batch } = await world();
    const draft = buildDraft(1);
    const upsert = (rows: ObservationDraft[], id: string) =>
      store.transaction((tx) => tx.observations.upsert('p1', rows, batch(id, '2026-01-01T00:00:00.000Z')));
    await upsert([draft], 'b1');
    for (const [field, value] of [
      ['lowerCi998', 1.5],
      ['upperCi998', 9.5],
      ['quintile', 5],
      ['fingertipsVsEngland', 'Worse 99.8%'],
      ['fingertipsVsRegion', 'Lower'],
    ] as const) {
      expect(await upsert([{ ...draft, [field]: value }], `b-${field}`), field).toMatchObject({ changed: 1 });
      const [stored] = await store.observations.all('p1');
      expect(stored![field]).toBe(value);
      await upsert([draft], `b-${field}-back`);
    }
  });

  it('remembers the areas imports have named, with the latest name and type', async () => {
    const { store } = await world();
    await store.transaction((tx) =>
      tx.observations.recordSeenAreas(
        'p1',
        [
          { code: 'E09000029', name: 'Sutton', type: 'London borough' },
          { code: 'E09000001', name: 'City of London', type: 'London borough' },
        ],
        '2026-01-01T00:00:00.000Z',
      ),
    );
    await store.transaction((tx) =>
      tx.observations.recordSeenAreas(
        'p1',
        [{ code: 'E09000029', name: 'London Borough of Sutton', type: 'Counties & UAs' }],
        '2026-01-02T00:00:00.000Z',
      ),
    );
    expect(await store.observations.seenAreas('p1')).toEqual([
      { code: 'E09000001', name: 'City of London', type: 'London borough' },
      { code: 'E09000029', name: 'London Borough of Sutton', type: 'Counties & UAs' },
    ]);
  });

  it('keeps comparator areas in the order chosen, replaced whole, and per partnership', async () => {
    const { store } = await world();
    await createTestPartnership(store, 'p2', { name: 'Sutton', areaName: 'Sutton' });
    expect(await store.observations.comparatorAreas('p1')).toEqual([]);
    const chosen = [
      { code: 'E09000029', name: 'Sutton' },
      { code: 'E09000021', name: 'Kingston upon Thames' },
      { code: 'E09000008', name: 'Croydon' },
    ];
    await store.transaction((tx) => tx.observations.setComparatorAreas('p1', chosen));
    await store.transaction((tx) => tx.observations.setComparatorAreas('p2', [{ code: 'E09000024', name: 'Merton' }]));
    expect(await store.observations.comparatorAreas('p1')).toEqual(chosen);
    const reordered = [chosen[2]!, chosen[0]!];
    await store.transaction((tx) => tx.observations.setComparatorAreas('p1', reordered));
    expect(await store.observations.comparatorAreas('p1')).toEqual(reordered);
    await store.transaction((tx) => tx.observations.setComparatorAreas('p1', []));
    expect(await store.observations.comparatorAreas('p1')).toEqual([]);
    expect(await store.observations.comparatorAreas('p2')).toEqual([{ code: 'E09000024', name: 'Merton' }]);
  });
});
