import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { readVersion, SchemaTooNewError, schemaVersion } from '../../../server/store/migrations.ts';
import { openStore } from '../../../server/store/openStore.ts';
import { createTestUser } from '../../helpers/storeFactories.ts';
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
});
