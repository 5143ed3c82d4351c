import { describe, expect, it } from 'vitest';
import { createSessionRepository } from '../../../../server/store/repositories/SessionRepository.ts';
import { createTestUser } from '../../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../../helpers/testStore.ts';

const minute = 60_000;

async function setup() {
  const store = await openTestStore();
  const user = await createTestUser(store, 'A');
  const policy = { idleMs: 30 * minute, absoluteMs: 8 * 60 * minute };
  return { sessions: createSessionRepository({ db: store.db, kind: store.kind }, policy), userId: user.id };
}

describe(`SessionRepository contract (${testStoreKind})`, () => {
  it('stores only a hash of the secret', async () => {
    const { sessions, userId } = await setup();
    const { secret, idHash } = await sessions.create(userId, 0);
    expect(idHash).not.toContain(secret);
    expect((await sessions.find(secret, 1))?.userId).toBe(userId);
    expect(await sessions.find(idHash, 1)).toBeNull();
  });

  it('expires after the idle period, and activity extends it', async () => {
    const { sessions, userId } = await setup();
    const { secret } = await sessions.create(userId, 0);
    expect(await sessions.find(secret, 20 * minute)).not.toBeNull();
    expect(await sessions.find(secret, 45 * minute)).not.toBeNull();
    expect(await sessions.find(secret, 80 * minute)).toBeNull();
    expect(await sessions.find(secret, 81 * minute)).toBeNull();
  });

  it('expires at the absolute limit however active the person is', async () => {
    const { sessions, userId } = await setup();
    const { secret } = await sessions.create(userId, 0);
    for (let t = 10 * minute; t < 8 * 60 * minute; t += 10 * minute)
      expect(await sessions.find(secret, t)).not.toBeNull();
    expect(await sessions.find(secret, 8 * 60 * minute + 1)).toBeNull();
  });

  it('ends all of a user’s sessions but the one kept', async () => {
    const { sessions, userId } = await setup();
    const keep = await sessions.create(userId, 0);
    const other = await sessions.create(userId, 0);
    expect(await sessions.deleteForUser(userId, keep.idHash)).toEqual([other.idHash]);
    expect(await sessions.find(keep.secret, 1)).not.toBeNull();
    expect(await sessions.find(other.secret, 1)).toBeNull();
  });
});
