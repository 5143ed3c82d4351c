import { describe, expect, it } from 'vitest';
import { createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../helpers/testStore.ts';

describe(`unit of work (${testStoreKind})`, () => {
  it('rolls back every repository a failed transaction touched', async () => {
    const store = await openTestStore();
    const chair = await createTestUser(store, 'chair');
    await expect(
      store.transaction(async (tx) => {
        await createTestPartnership(tx, 'riverside');
        await tx.partnerships.addMember({
          partnershipId: 'riverside',
          userId: chair.id,
          role: 'facilitator',
          organisation: 'Council',
          isVotingMember: true,
        });
        await tx.audit.record({ action: 'partnership.created', actorId: chair.id, partnershipId: 'riverside' });
        await tx.users.updateProfile(chair.id, 'Renamed', 'Elsewhere');
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await store.partnerships.findById('riverside')).toBeNull();
    expect(await store.partnerships.membership('riverside', chair.id)).toBeNull();
    expect(await store.audit.all()).toEqual([]);
    expect((await store.users.findById(chair.id))?.displayName).toBe('chair');
  });

  it('commits every repository together, and a nested unit of work joins the outer one', async () => {
    const store = await openTestStore();
    const chair = await createTestUser(store, 'chair');
    await store.transaction(async (tx) => {
      await createTestPartnership(tx, 'riverside');
      await tx.transaction(async (inner) => {
        await inner.audit.record({ action: 'partnership.created', actorId: chair.id, partnershipId: 'riverside' });
      });
    });
    expect((await store.partnerships.findById('riverside'))?.name).toBe('riverside');
    expect((await store.audit.forPartnership('riverside')).map((entry) => entry.action)).toEqual([
      'partnership.created',
    ]);
  });

  it('lets a used invitation be accepted only once, however many try at the same moment', async () => {
    const store = await openTestStore();
    const chair = await createTestUser(store, 'chair');
    await createTestPartnership(store, 'riverside');
    const { invitation } = await store.invitations.create({
      partnershipId: 'riverside',
      role: 'editor',
      organisation: 'NHS',
      isVotingMember: false,
      note: '',
      createdBy: chair.id,
    });
    const people = await Promise.all(Array.from({ length: 10 }, (_, i) => createTestUser(store, `p${i}`)));
    const accepted = await Promise.all(
      people.map((p) => store.transaction((tx) => tx.invitations.markAccepted(invitation.id, p.id))),
    );
    expect(accepted.filter(Boolean)).toHaveLength(1);
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const store = await openTestStore();
    await store.audit.record({ action: 'auth.login', actorId: null });
    await expect(store.db.updateTable('audit_log').set({ action: 'auth.logout' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    expect((await store.audit.all()).map((entry) => entry.action)).toEqual(['auth.login']);
  });

  it('lists partnerships and members in the same order on every database (case folded, then by id)', async () => {
    const store = await openTestStore();
    for (const id of ['beta', 'Alpha', 'alpha', 'Émile', 'zeta']) await createTestPartnership(store, id);
    // A hand-written expectation: ASCII letters fold (as SQLite's NOCASE), other characters sort by code point.
    expect((await store.partnerships.listAll()).map((p) => p.name)).toEqual([
      'Alpha',
      'alpha',
      'beta',
      'zeta',
      'Émile',
    ]);
  });
});
