import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { TrendsSchema, VersionFactsSchema } from '../../shared/schemas/cycles.ts';
import { trendsOf } from '../cycles/trends.ts';
import type { VersionRepository } from '../store/repositories/VersionRepository.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** Trends over the board's cycles, read from the versions' facts (everyone who reads the partnership reads them). */
export function trendRoutes(versions: VersionRepository): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/trends',
      summary: 'Per domain, the share of metrics with data, version by version; per outcome, its rank in each round',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: TrendsSchema,
      handler: async (context) => {
        const stored = await versions.listFacts(context.partnership!.id);
        return trendsOf(
          stored.map((version) => ({ ...version, facts: VersionFactsSchema.parse(JSON.parse(version.facts)) })),
        );
      },
    }),
  ];
}
