import type { z } from 'zod';
import type { UpdatePartnershipAreaRequestSchema } from '../../shared/schemas/partnerships.ts';
import type { Principal } from '../auth/Principal.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';

/**
 * Corrects a partnership's area name or ONS code (facilitators), audited with what it was and what it became. The code
 * is read at every evidence request, so the next Fingertips import and every chart use the corrected area at once;
 * observations already imported stay as they were, under the codes they arrived with.
 */
export async function correctArea(
  store: Pick<Repositories, 'transaction'>,
  actor: Principal,
  partnership: PartnershipRecord,
  patch: z.output<typeof UpdatePartnershipAreaRequestSchema>,
  ip: string | null,
): Promise<PartnershipRecord> {
  return store.transaction(async (tx) => {
    const before = (await tx.partnerships.findById(partnership.id)) ?? partnership;
    // The request schema has trimmed both and put the code in capitals.
    const areaName = patch.areaName ?? before.areaName;
    const areaCode = patch.areaCode ?? before.areaCode;
    if (areaName === before.areaName && areaCode === before.areaCode) return before;
    await tx.partnerships.updateArea(partnership.id, { areaName, areaCode });
    await tx.audit.record({
      action: 'partnership.area_changed',
      actorId: actor.user.id,
      partnershipId: partnership.id,
      details: {
        area: before.areaName === areaName ? areaName : `${before.areaName} → ${areaName}`,
        code: before.areaCode === areaCode ? areaCode : `${before.areaCode} → ${areaCode}`,
      },
      ip,
    });
    return (await tx.partnerships.findById(partnership.id))!;
  });
}
