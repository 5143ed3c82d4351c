import { describe, expect, it } from 'vitest';
import type { IndicatorMetadataDraft } from '../../../../server/evidence/indicatorMetadataImport.ts';
import { createTestPartnership, createTestUser } from '../../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../../helpers/testStore.ts';

function buildMetadata(overrides: Partial<IndicatorMetadataDraft> = {}): IndicatorMetadataDraft {
  return {
    fingertipsId: '93085',
    name: 'Smoking status at time of delivery',
    definition: 'Mothers known to be smokers at the time of delivery, as a % of maternities.',
    rationale: 'Smoking in pregnancy harms the baby — “quoted”, with commas, and ünïcode.',
    unit: '%',
    valueTypeText: 'Proportion',
    valueType: 'proportion',
    polarityText: 'RAG - Low is good',
    polarity: 'lower-is-better',
    dataSource: 'NHS Digital',
    frequency: 'Annual',
    ciMethod: 'Wilson Score method',
    comparisonMethodText: '',
    comparisonMethod: null,
    ...overrides,
  };
}

async function setup() {
  const store = await openTestStore();
  const user = await createTestUser(store, 'Ana');
  await createTestPartnership(store, 'p1');
  await createTestPartnership(store, 'p2');
  return { store, metadata: store.indicatorMetadata, userId: user.id };
}

describe(`IndicatorMetadataRepository contract (${testStoreKind})`, () => {
  it('stores every field, keyed by partnership and indicator id', async () => {
    const { metadata, userId } = await setup();
    const counts = await metadata.upsert(
      'p1',
      [buildMetadata(), buildMetadata({ fingertipsId: '20101' })],
      userId,
      't1',
    );
    expect(counts).toEqual({ created: 2, changed: 0, unchanged: 0 });
    expect(await metadata.get('p1', '93085')).toEqual({ ...buildMetadata(), importedAt: 't1' });
    expect(await metadata.get('p2', '93085')).toBeNull();
    expect((await metadata.all('p1')).map((m) => m.fingertipsId)).toEqual(['20101', '93085']);
    expect([...(await metadata.forIds('p1', ['93085', '1'])).keys()]).toEqual(['93085']);
  });

  it('replaces the ids in a new file, counts unchanged rows, and leaves other ids and partnerships alone', async () => {
    const { metadata, userId } = await setup();
    await metadata.upsert('p1', [buildMetadata(), buildMetadata({ fingertipsId: '20101' })], userId, 't1');
    await metadata.upsert('p2', [buildMetadata()], userId, 't1');
    const again = await metadata.upsert(
      'p1',
      [buildMetadata(), buildMetadata({ fingertipsId: '20101', polarity: null, polarityText: '' })],
      userId,
      't2',
    );
    expect(again).toEqual({ created: 0, changed: 1, unchanged: 1 });
    expect(await metadata.get('p1', '93085')).toMatchObject({ importedAt: 't1' });
    expect(await metadata.get('p1', '20101')).toMatchObject({ polarity: null, polarityText: '', importedAt: 't2' });
    expect(await metadata.get('p2', '93085')).toMatchObject({ polarity: 'lower-is-better' });
  });

  it('writes nothing when the unit of work fails', async () => {
    const { store, metadata, userId } = await setup();
    await expect(
      store.transaction(async (tx) => {
        await tx.indicatorMetadata.upsert('p1', [buildMetadata()], userId, 't1');
        throw new Error('stop');
      }),
    ).rejects.toThrow('stop');
    expect(await metadata.all('p1')).toEqual([]);
  });

  it('stores many indicators with long texts in batches', async () => {
    const { metadata, userId } = await setup();
    const long = 'x'.repeat(10_000);
    const records = Array.from({ length: 260 }, (_, i) =>
      buildMetadata({ fingertipsId: `${1000 + i}`, definition: long }),
    );
    expect(await metadata.upsert('p1', records, userId, 't1')).toEqual({ created: 260, changed: 0, unchanged: 0 });
    expect(await metadata.upsert('p1', records, userId, 't2')).toEqual({ created: 0, changed: 0, unchanged: 260 });
    expect((await metadata.all('p1'))[259]!.definition).toHaveLength(10_000);
  });
});
