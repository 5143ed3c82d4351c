import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readVersion, SchemaTooNewError, schemaVersion } from '../../../server/store/migrations.ts';
import { openStore } from '../../../server/store/openStore.ts';
import type { RoundDefinition } from '../../../server/store/repositories/RoundRepository.ts';
import { addTestMember, createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { makeDataDir } from '../../helpers/testServer.ts';
import { openTestStore, testSessionPolicy, testStoreKind, testStoreLocation } from '../../helpers/testStore.ts';

describe(`migrations (${testStoreKind})`, () => {
  it('bring a new store to this version, and running them again changes nothing', async () => {
    const dataDir = makeDataDir();
    const first = await openTestStore({ dataDir });
    await createTestUser(first, 'Cora');
    expect(await readVersion(first.db)).toBe(schemaVersion);
    await first.close();
    const again = await openTestStore({ dataDir });
    expect(await readVersion(again.db)).toBe(schemaVersion);
    expect(await again.users.count()).toBe(1);
  });

  it('refuse a store whose schema was written by newer code, and leave it as it was', async () => {
    const dataDir = makeDataDir();
    const store = await openTestStore({ dataDir });
    await store.db
      .updateTable('schema_version')
      .set({ version: schemaVersion + 1 })
      .execute();
    await store.close();
    const reopened = openStore({ location: await testStoreLocation(dataDir), session: testSessionPolicy });
    await expect(reopened).rejects.toBeInstanceOf(SchemaTooNewError);
    await expect(reopened).rejects.toThrow(`version ${schemaVersion + 1}, newer than`);
  });

  it.runIf(testStoreKind === 'sqlite')(
    'adopt a SQLite file from before schema_version, which counted its steps in PRAGMA user_version',
    async () => {
      const dataDir = makeDataDir();
      const store = await openTestStore({ dataDir });
      await createTestUser(store, 'Cora');
      // What a file written by the previous release looks like: the first four steps, counted by user_version.
      await sql`drop table schema_version`.execute(store.db);
      await sql`pragma user_version = 4`.execute(store.db);
      await store.close();
      const adopted = await openTestStore({ dataDir });
      expect(await readVersion(adopted.db)).toBe(schemaVersion);
      expect((await adopted.users.findByEmail('cora@example.org'))?.displayName).toBe('Cora');
    },
  );

  it('freeze the electorate of rounds that had opened before step 7, keeping everyone who had already voted', async () => {
    const dataDir = makeDataDir();
    const store = await openTestStore({ dataDir });
    await createTestPartnership(store, 'p1');
    const [ann, bob, cat] = [
      await createTestUser(store, 'Ann'),
      await createTestUser(store, 'Bob'),
      await createTestUser(store, 'Cat'),
    ];
    await addTestMember(store, 'p1', ann.id, { isVotingMember: true, organisation: 'NHS' });
    await addTestMember(store, 'p1', bob.id, { isVotingMember: true, organisation: 'Council' });
    // Cat voted (for School) and then lost her vote, all before this release.
    await addTestMember(store, 'p1', cat.id, { isVotingMember: false, organisation: 'Police' });
    const definition: RoundDefinition = {
      title: 'Round',
      question: '',
      settings: { method: 'dots', dotsPerVoter: 3, maxPerCandidate: 3 },
      visibility: 'live',
      anonymous: false,
      eligibility: 'one-per-organisation',
      quorum: 0,
      closesAt: null,
    };
    for (const id of ['open-round', 'draft-round']) {
      await store.rounds.insert({ id, partnershipId: 'p1', followUpOf: null, createdBy: null, ...definition }, []);
    }
    await store.rounds.setState('open-round', {
      state: 'open',
      openedAt: new Date().toISOString(),
      closedAt: null,
      eligibleAtClose: null,
      closesAt: null,
    });
    await store.ballots.recordVoter('open-round', 'org:school', cat.id, 'School', false);
    // What a store written by the previous release looks like: six steps, no electorate.
    await sql`drop table round_electorate`.execute(store.db);
    await store.db.updateTable('schema_version').set({ version: 6 }).execute();
    await store.close();

    const migrated = await openTestStore({ dataDir });
    expect(await readVersion(migrated.db)).toBe(schemaVersion);
    const electorate = await migrated.db
      .selectFrom('round_electorate')
      .select(['round_id', 'user_id', 'organisation'])
      .orderBy('organisation')
      .execute();
    expect(electorate).toEqual([
      { round_id: 'open-round', user_id: bob.id, organisation: 'Council' },
      { round_id: 'open-round', user_id: ann.id, organisation: 'NHS' },
      { round_id: 'open-round', user_id: cat.id, organisation: 'School' },
    ]);
  });
});
