import { describe, expect, it, onTestFinished } from 'vitest';
import { SessionRepository } from '../../../server/accounts/SessionRepository.ts';
import { UserRepository } from '../../../server/accounts/UserRepository.ts';
import { openDatabase } from '../../../server/store/database.ts';
import { migrate } from '../../../server/store/migrations.ts';

const minute = 60_000;

function setup() {
  const db = openDatabase(':memory:');
  migrate(db);
  onTestFinished(() => {
    db.close();
  });
  const user = new UserRepository(db).create({
    email: 'a@example.org',
    displayName: 'A',
    organisation: 'O',
    passwordHash: 'x',
    isAdmin: false,
  });
  return { sessions: new SessionRepository(db, { idleMs: 30 * minute, absoluteMs: 8 * 60 * minute }), userId: user.id };
}

describe('SessionRepository', () => {
  it('stores only a hash of the secret', () => {
    const { sessions, userId } = setup();
    const { secret, idHash } = sessions.create(userId, 0);
    expect(idHash).not.toContain(secret);
    expect(sessions.find(secret, 1)?.userId).toBe(userId);
    expect(sessions.find(idHash, 1)).toBeNull();
  });

  it('expires after the idle period, and activity extends it', () => {
    const { sessions, userId } = setup();
    const { secret } = sessions.create(userId, 0);
    expect(sessions.find(secret, 20 * minute)).not.toBeNull();
    expect(sessions.find(secret, 45 * minute)).not.toBeNull();
    expect(sessions.find(secret, 80 * minute)).toBeNull();
    expect(sessions.find(secret, 81 * minute)).toBeNull();
  });

  it('expires at the absolute limit however active the person is', () => {
    const { sessions, userId } = setup();
    const { secret } = sessions.create(userId, 0);
    for (let t = 10 * minute; t < 8 * 60 * minute; t += 10 * minute) expect(sessions.find(secret, t)).not.toBeNull();
    expect(sessions.find(secret, 8 * 60 * minute + 1)).toBeNull();
  });

  it('ends all of a user’s sessions but the one kept', () => {
    const { sessions, userId } = setup();
    const keep = sessions.create(userId, 0);
    const other = sessions.create(userId, 0);
    expect(sessions.deleteForUser(userId, keep.idHash)).toEqual([other.idHash]);
    expect(sessions.find(keep.secret, 1)).not.toBeNull();
    expect(sessions.find(other.secret, 1)).toBeNull();
  });
});
