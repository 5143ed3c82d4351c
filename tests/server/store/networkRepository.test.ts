import { describe, expect, it } from 'vitest';
import { defaultSharing, type TemplateChange } from '../../../shared/schemas/networks.ts';
import { addTestMember, createTestPartnership, createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore, testStoreKind } from '../../helpers/testStore.ts';

const networkId = '5a1f3c2e-0000-4000-8000-000000000001';

function buildAddOutcome(overrides: Partial<Extract<TemplateChange, { kind: 'add-outcome' }>> = {}): TemplateChange {
  return {
    id: '00000000-0000-4000-8000-00000000c001',
    sourceEntities: [],
    kind: 'add-outcome',
    templateId: 'net.5a1f3c2e.v1.1',
    domain: 'safe',
    level: 'child',
    statement: 'Children are safe online',
    description: '',
    ...overrides,
  };
}

async function setup() {
  const store = await openTestStore();
  const coordinator = await createTestUser(store, 'Cora');
  const facilitator = await createTestUser(store, 'Fay');
  await createTestPartnership(store, 'p1');
  await createTestPartnership(store, 'p2');
  await addTestMember(store, 'p1', facilitator.id, { role: 'facilitator' });
  await store.networks.create({ id: networkId, name: 'North network', createdBy: coordinator.id });
  return { store, networks: store.networks, coordinator, facilitator };
}

describe(`NetworkRepository contract (${testStoreKind})`, () => {
  it('keeps coordinators, members and what they share, and says who may read the network', async () => {
    const { networks, coordinator, facilitator } = await setup();
    expect(await networks.accessOf(networkId, coordinator.id)).toBeNull();
    expect(await networks.addCoordinator(networkId, coordinator.id)).toBe(true);
    expect(await networks.addCoordinator(networkId, coordinator.id)).toBe(false);
    expect(await networks.accessOf(networkId, coordinator.id)).toBe('coordinator');

    expect(
      await networks.invite({ networkId, partnershipId: 'p1', invitedBy: coordinator.id, sharing: defaultSharing }),
    ).toBe(true);
    expect(
      await networks.invite({ networkId, partnershipId: 'p1', invitedBy: coordinator.id, sharing: defaultSharing }),
    ).toBe(false);
    // Invited is not yet member: its people do not read the network.
    expect(await networks.accessOf(networkId, facilitator.id)).toBeNull();
    const sharing = { ...defaultSharing, evidence: true };
    expect(await networks.join(networkId, 'p1', sharing, '2026-12-01T00:00:00.000Z')).toBe(true);
    expect(await networks.join(networkId, 'p1', sharing, '2026-12-02T00:00:00.000Z')).toBe(false);
    expect(await networks.accessOf(networkId, facilitator.id)).toBe('member');
    expect(await networks.member(networkId, 'p1')).toMatchObject({
      state: 'member',
      sharing: { framework: true, dataMapping: true, priorities: true, theoryOfChange: true, evidence: true },
      joinedAt: '2026-12-01T00:00:00.000Z',
    });
    expect((await networks.membershipsOf(['p1', 'p2'])).map((m) => m.partnershipId)).toEqual(['p1']);
    expect((await networks.coordinatedBy(coordinator.id)).map((n) => n.name)).toEqual(['North network']);
    expect(await networks.removeMember(networkId, 'p1')).toBe(true);
    expect(await networks.removeMember(networkId, 'p1')).toBe(false);
    expect(await networks.accessOf(networkId, facilitator.id)).toBeNull();
  });

  it('accepts a coordinator invitation once under 20 parallel accepts', async () => {
    const { store, networks, coordinator } = await setup();
    const { token, invitation } = await networks.createInvitation({
      networkId,
      email: 'new@example.org',
      createdBy: coordinator.id,
    });
    expect(await networks.findInvitationByToken(token)).toMatchObject({ status: 'pending', createdBy: 'Cora' });
    const people = await Promise.all(Array.from({ length: 20 }, (_, i) => createTestUser(store, `Person ${i}`)));
    const results = await Promise.all(
      people.map((person) => networks.markInvitationAccepted(invitation.id, person.id)),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await networks.findInvitationByToken(token))?.status).toBe('accepted');
  });

  it('refuses an expired invitation', async () => {
    const { networks, coordinator } = await setup();
    const twoWeeksAgo = Date.now() - 15 * 24 * 60 * 60 * 1000;
    const { token, invitation } = await networks.createInvitation(
      { networkId, email: 'late@example.org', createdBy: coordinator.id },
      twoWeeksAgo,
    );
    expect((await networks.findInvitationByToken(token))?.status).toBe('expired');
    expect(await networks.markInvitationAccepted(invitation.id, coordinator.id)).toBe(false);
  });

  it('gives two parallel publishes versions 1 and 2, each settled on top of the one before', async () => {
    const { networks, coordinator } = await setup();
    const seen: number[][] = [];
    const publish = (statement: string) =>
      networks.publishVersion(networkId, coordinator.id, (previous, version) => {
        seen.push(previous.map((v) => v.version));
        return {
          note: statement,
          changes: [buildAddOutcome({ templateId: `net.x.v${version}.1`, statement })],
        };
      });
    const published = await Promise.all([publish('First'), publish('Second')]);
    expect(published.map((v) => v.version).sort()).toEqual([1, 2]);
    const stored = await networks.versions(networkId);
    expect(stored.map((v) => [v.version, v.changes[0]!.templateId])).toEqual([
      [1, 'net.x.v1.1'],
      [2, 'net.x.v2.1'],
    ]);
    expect(stored[0]!.publishedBy).toBe('Cora');
    expect(await networks.latestVersion(networkId)).toBe(2);
  });

  it('records choices: adopt over a decline, never a decline over an adoption', async () => {
    const { networks, facilitator } = await setup();
    const choice = { partnershipId: 'p1', networkId, changeId: 'change-1', decidedBy: facilitator.id };
    expect(await networks.decline(choice)).toBe(true);
    expect((await networks.choices(networkId, 'p1')).map((c) => c.choice)).toEqual(['declined']);
    await networks.adopt(choice);
    expect(await networks.decline(choice)).toBe(false);
    expect(await networks.choices(networkId)).toMatchObject([
      { partnershipId: 'p1', changeId: 'change-1', choice: 'adopted', decidedBy: 'Fay' },
    ]);
  });
});
