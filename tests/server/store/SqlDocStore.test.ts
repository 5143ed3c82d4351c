import { makeDataDir } from '../../helpers/testServer.ts';
import { openTestStore, testStoreKind } from '../../helpers/testStore.ts';
import { docStoreContract } from './docStoreContract.ts';

// This pass's database (SQLite, or PostgreSQL under STORE=postgres): the same contract holds on each.
docStoreContract(`${testStoreKind} (on disk)`, async () => (await openTestStore({ dataDir: makeDataDir() })).docs);

docStoreContract(`${testStoreKind} (fresh store)`, async () => (await openTestStore()).docs);
