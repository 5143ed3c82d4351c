import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import type { PartnershipRepository } from '../partnerships/PartnershipRepository.ts';
import type { UserRepository } from '../accounts/UserRepository.ts';

/** The id of the demo partnership `npm start` seeds. */
export const demoPartnershipId = 'demo';

/**
 * On a store with no partnership, creates the demo partnership (default template, clearly labelled sample data).
 * It belongs to the first administrator: now if one exists, otherwise as soon as one is created.
 */
export async function seedDemoPartnership(
  partnerships: PartnershipRepository,
  service: PartnershipService,
  users: UserRepository,
  adminId: string | null,
): Promise<void> {
  if (partnerships.listAll().length > 0) return;
  partnerships.create({
    id: demoPartnershipId,
    name: 'Demo partnership (sample data)',
    areaName: 'Demo area',
    areaCode: 'E09000024',
    template: 'common-outcomes',
    createdBy: null,
  });
  await service.initialiseDemo(demoPartnershipId);
  if (adminId && users.findById(adminId)) giveDemoToAdmin(partnerships, adminId);
}

/** Makes an administrator the demo partnership's facilitator if it has none yet. */
export function giveDemoToAdmin(partnerships: PartnershipRepository, adminId: string): void {
  const demo = partnerships.findById(demoPartnershipId);
  if (!demo || partnerships.facilitatorCount(demoPartnershipId) > 0) return;
  if (partnerships.membership(demoPartnershipId, adminId)) return;
  partnerships.addMember({
    partnershipId: demoPartnershipId,
    userId: adminId,
    role: 'facilitator',
    organisation: 'Instance administration',
    isVotingMember: true,
  });
}
