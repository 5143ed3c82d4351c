import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import type { Repositories } from '../store/Store.ts';

/** The id of the demo partnership `npm start` seeds. */
export const demoPartnershipId = 'demo';

/**
 * On a store with no partnership, creates the demo partnership (default template, clearly labelled sample data).
 * It belongs to the first administrator: now if one exists, otherwise as soon as one is created.
 * Returns whether it seeded (false: the store already had a partnership, or another instance seeded it meanwhile).
 */
export async function seedDemoPartnership(
  store: Pick<Repositories, 'partnerships' | 'users' | 'transaction'>,
  service: PartnershipService,
  adminId: string | null,
): Promise<boolean> {
  if ((await store.partnerships.listAll()).length > 0) return false;
  try {
    await store.partnerships.create({
      id: demoPartnershipId,
      name: 'Demo partnership (sample data)',
      areaName: 'Demo area',
      areaCode: 'E09000024',
      template: 'common-outcomes',
      createdBy: null,
    });
  } catch (error) {
    // Another instance seeding the same empty database got there first (start-up seeds under an advisory lock;
    // this is the backstop): theirs is the demo, and seeding it is their job.
    if (await store.partnerships.findById(demoPartnershipId)) return false;
    throw error;
  }
  await service.initialiseDemo(demoPartnershipId);
  if (adminId && (await store.users.findById(adminId))) await giveDemoToAdmin(store, adminId);
  return true;
}

/** Makes an administrator the demo partnership's facilitator if it has none yet. */
export async function giveDemoToAdmin(store: Pick<Repositories, 'transaction'>, adminId: string): Promise<void> {
  await store.transaction(async ({ partnerships }) => {
    const demo = await partnerships.findById(demoPartnershipId);
    if (!demo || (await partnerships.facilitatorCount(demoPartnershipId)) > 0) return;
    if (await partnerships.membership(demoPartnershipId, adminId)) return;
    await partnerships.addMember({
      partnershipId: demoPartnershipId,
      userId: adminId,
      role: 'facilitator',
      organisation: 'Instance administration',
      isVotingMember: true,
    });
  });
}
