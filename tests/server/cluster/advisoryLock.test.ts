import { randomInt, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PartnershipService } from '../../../server/partnerships/PartnershipService.ts';
import { seedingLockKey } from '../../../server/store/migrations.ts';
import type { Store } from '../../../server/store/Store.ts';
import { demoPartnershipId, seedDemoPartnership } from '../../../server/workspace/seedDemo.ts';
import { openTestStore, testStoreKind } from '../../helpers/testStore.ts';
import { waitFor } from '../../helpers/waitFor.ts';

/** Two instances' stores on one database (PostgreSQL: two pools on the same schema; SQLite: the one store). */
async function twoStores(): Promise<[Store, Store]> {
  const dataDir = testStoreKind === 'postgres' ? `/memory/${process.pid}/${randomUUID()}` : ':memory:';
  const first = await openTestStore({ dataDir });
  return [first, testStoreKind === 'postgres' ? await openTestStore({ dataDir }) : first];
}

/** A lock key of this test's own: advisory locks belong to the whole database, which test files share. */
function testLockKey(): number {
  return 0x7e57_0000 + randomInt(0xffff);
}

/** How many sessions are waiting for the advisory lock `key` (PostgreSQL). */
async function waitingFor(store: Store, key: number): Promise<number> {
  const { rows } = await sql<{ waiting: number }>`
    select count(*)::int as waiting from pg_locks
    where locktype = 'advisory' and classid = 0 and objid = ${key} and objsubid = 1 and not granted`.execute(store.db);
  return rows[0]!.waiting;
}

function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe('Store.withAdvisoryLock', () => {
  it('answers what the work answers, and lets the next one in after the work threw', async () => {
    const [store] = await twoStores();
    const key = testLockKey();
    expect(await store.withAdvisoryLock(key, () => Promise.resolve(42))).toBe(42);
    await expect(store.withAdvisoryLock(key, () => Promise.reject(new Error('seeding failed')))).rejects.toThrow(
      'seeding failed',
    );
    expect(await store.withAdvisoryLock(key, async () => (await store.partnerships.listAll()).length)).toBe(0);
  });

  it.skipIf(testStoreKind !== 'postgres')(
    'makes a second instance wait until the first has finished (PostgreSQL: only it has several instances)',
    async () => {
      const [first, second] = await twoStores();
      const key = testLockKey();
      const events: string[] = [];
      const firstMayFinish = gate();
      const firstInside = gate();
      const firstRun = first.withAdvisoryLock(key, async () => {
        events.push('first in');
        firstInside.open();
        await firstMayFinish.opened;
        events.push('first out');
      });
      await firstInside.opened;
      const secondRun = second.withAdvisoryLock(key, () => {
        events.push('second in');
        return Promise.resolve();
      });
      // The second is queued on the lock in PostgreSQL, not merely slow to start.
      await waitFor(async () => expect(await waitingFor(first, key)).toBe(1));
      expect(events).toEqual(['first in']);
      firstMayFinish.open();
      await Promise.all([firstRun, secondRun]);
      expect(events).toEqual(['first in', 'first out', 'second in']);
      // Another key was never held up.
      expect(await second.withAdvisoryLock(key + 1, () => Promise.resolve('free'))).toBe('free');
    },
  );
});

describe('seeding the demo partnership on two instances', () => {
  const service = (store: Store) =>
    new PartnershipService({ store, initialiseWorkspace: () => Promise.resolve(), closeMemberSockets: () => {} });

  it('seeds once when both start together, under the seeding lock', async () => {
    const stores = await twoStores();
    const seeded = await Promise.all(
      stores.map((store) =>
        store.withAdvisoryLock(seedingLockKey, () => seedDemoPartnership(store, service(store), null)),
      ),
    );
    expect(seeded.filter(Boolean)).toHaveLength(1);
    expect((await stores[1].partnerships.listAll()).map((partnership) => partnership.id)).toEqual([demoPartnershipId]);
  });

  it('leaves the demo to the instance that created it first, even without the lock', async () => {
    const [first, second] = await twoStores();
    expect(await seedDemoPartnership(first, service(first), null)).toBe(true);
    // The second instance looked before the first had written: it found no partnership.
    const lateLooker = { ...second, partnerships: { ...second.partnerships, listAll: () => Promise.resolve([]) } };
    expect(await seedDemoPartnership(lateLooker, service(second), null)).toBe(false);
  });
});
