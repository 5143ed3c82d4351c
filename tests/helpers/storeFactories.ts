import type { Membership, PartnershipRecord } from '../../server/store/repositories/PartnershipRepository.ts';
import type { StoredUser } from '../../server/store/repositories/UserRepository.ts';
import type { Repositories } from '../../server/store/Store.ts';

type UserInput = Parameters<Repositories['users']['create']>[0];
type PartnershipInput = Parameters<Repositories['partnerships']['create']>[0];

/** An account named `name` (email from the name), stored directly: for tests that never sign in with a password. */
export function createTestUser(
  store: Pick<Repositories, 'users'>,
  name: string,
  overrides: Partial<UserInput> = {},
): Promise<StoredUser> {
  return store.users.create({
    email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
    displayName: name,
    organisation: `${name} org`,
    passwordHash: 'unused',
    isAdmin: false,
    ...overrides,
  });
}

/** A blank-template partnership with this id (named after it unless told otherwise), stored directly. */
export function createTestPartnership(
  store: Pick<Repositories, 'partnerships'>,
  id: string,
  overrides: Partial<PartnershipInput> = {},
): Promise<PartnershipRecord> {
  return store.partnerships.create({
    id,
    name: id,
    areaName: 'Riverside',
    areaCode: 'E09000024',
    template: 'blank',
    createdBy: null,
    ...overrides,
  });
}

/** Makes someone a member (an editor without a vote, unless told otherwise). */
export function addTestMember(
  store: Pick<Repositories, 'partnerships'>,
  partnershipId: string,
  userId: string,
  overrides: Partial<Omit<Membership, 'partnershipId' | 'userId'>> = {},
): Promise<void> {
  return store.partnerships.addMember({
    partnershipId,
    userId,
    role: 'editor',
    organisation: 'Org',
    isVotingMember: false,
    ...overrides,
  });
}
