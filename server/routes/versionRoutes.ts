import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import {
  ChangesQuerySchema,
  ChangesSchema,
  CreateVersionRequestSchema,
  VersionDetailSchema,
  VersionSummarySchema,
  writtenText,
} from '../../shared/schemas/cycles.ts';
import { PartnershipSchema } from '../../shared/schemas/partnerships.ts';
import type { Cycles } from '../cycles/createCycles.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const VersionParams = z.object({ id: PartnershipIdSchema, versionId: z.uuid() });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

const CopyVersionRequestSchema = z.object({
  name: writtenText().trim().min(1, { error: 'Enter the new partnership’s name' }).max(200).optional(),
});

/** Versions of a partnership (facilitators take and copy them; everyone who reads the partnership reads them). */
export function versionRoutes(cycles: Cycles): Route[] {
  const { versions } = cycles;
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/versions',
      summary: "The partnership's versions, newest first, with who took each and why",
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(VersionSummarySchema),
      handler: (context) => versions.list(context.partnership!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/versions',
      summary:
        'Take a version: the workspace document and the facts of this moment, kept unchanged for good ' +
        '(20 taken by hand per partnership an hour; 429 beyond)',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'rounds.run', partnershipOf: byId },
      params: PartnershipParams,
      body: CreateVersionRequestSchema,
      exampleBody: { label: 'Before the March board' },
      response: VersionSummarySchema,
      status: 201,
      handler: (context) =>
        versions.take(
          context.partnership!,
          { userId: context.principal!.user.id },
          context.body.label,
          { kind: 'manual' },
          context.ip,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/versions/:versionId',
      summary: 'One version with its facts and the workspace document as it was (base64), for a read-only view',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: VersionParams,
      response: VersionDetailSchema,
      handler: (context) => versions.get(context.partnership!.id, context.params.versionId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/changes',
      summary:
        'What changed between a version and a later one (or now), grouped by domain, with a summary ' +
        '(60 per person a minute; 429 beyond)',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      query: ChangesQuerySchema,
      response: ChangesSchema,
      handler: async (context) => {
        await versions.allowComparison(context.principal!.user.id);
        return versions.changes(context.partnership!, context.query.since, context.query.until);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/versions/:versionId/copy',
      summary: 'Restore a version as a copy: a new partnership from it (you its facilitator); nothing is overwritten',
      tag: 'board cycles',
      access: { kind: 'partnership', permission: 'rounds.run', partnershipOf: byId },
      params: VersionParams,
      body: CopyVersionRequestSchema,
      exampleBody: { name: 'Riverside (restored from March)' },
      response: PartnershipSchema,
      status: 201,
      handler: (context) =>
        versions.copy(
          context.principal!,
          context.partnership!,
          context.params.versionId,
          context.body.name,
          context.ip,
        ),
    }),
  ];
}
