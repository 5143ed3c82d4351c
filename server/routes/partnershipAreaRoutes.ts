import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { PartnershipSchema, UpdatePartnershipAreaRequestSchema } from '../../shared/schemas/partnerships.ts';
import type { PartnershipService } from '../partnerships/PartnershipService.ts';
import { correctArea } from '../partnerships/correctArea.ts';
import type { Repositories } from '../store/Store.ts';
import { defineRoute, type Route } from './defineRoute.ts';

/** Correcting a partnership's area: only its facilitators (the name is theirs to change too, in the workspace). */
export function partnershipAreaRoutes(store: Repositories, service: PartnershipService): Route[] {
  return [
    defineRoute({
      method: 'patch',
      path: '/api/partnerships/:id',
      summary: 'Correct the area name or ONS area code (which drives Fingertips matching); facilitators only',
      tag: 'partnerships',
      access: { kind: 'partnership', permission: 'partnership.manage', partnershipOf: (params) => params.id ?? null },
      params: z.object({ id: PartnershipIdSchema }),
      body: UpdatePartnershipAreaRequestSchema,
      exampleBody: { areaCode: 'E09000024' },
      response: PartnershipSchema,
      handler: async ({ principal, partnership, membership, body, ip }) =>
        service.describe(await correctArea(store, principal!, partnership!, body, ip), membership?.role ?? null),
    }),
  ];
}
