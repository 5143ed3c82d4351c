import { onTestFinished } from 'vitest';
import { SqliteDocStore } from '../../../server/store/SqliteDocStore.ts';
import { openDatabase } from '../../../server/store/database.ts';
import { makeDataDir } from '../../helpers/testServer.ts';
import { docStoreContract } from './docStoreContract.ts';

docStoreContract('SQLite (file, WAL)', () => {
  const db = openDatabase(makeDataDir());
  onTestFinished(() => {
    db.close();
  });
  return Promise.resolve(new SqliteDocStore(db));
});

docStoreContract('SQLite (memory)', () => {
  const db = openDatabase(':memory:');
  onTestFinished(() => {
    db.close();
  });
  return Promise.resolve(new SqliteDocStore(db));
});
