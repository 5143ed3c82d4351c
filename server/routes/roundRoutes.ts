import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  CreateRoundRequestSchema,
  ReopenRoundRequestSchema,
  RoundSchema,
  UpdateRoundRequestSchema,
} from '../../shared/schemas/rounds.ts';
import { defaultCriteria } from '../../shared/model/prioritisation/criteria.ts';
import type { Prioritisation } from '../rounds/createPrioritisation.ts';
import type { RoundEvidenceService } from '../rounds/RoundEvidenceService.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { ballotRoutes } from './ballotRoutes.ts';
import { RoundParams, roundAccess, viewerOf } from './roundAccess.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

const exampleRound = {
  title: 'Priority outcomes 2026–27',
  question: 'Which outcomes should the partnership focus on this year?',
  candidates: [
    { kind: 'outcome' as const, refId: 'outcome-school-ready', label: 'Children start school ready to learn' },
    { kind: 'outcome' as const, refId: 'outcome-safe-at-home', label: 'Children are safe at home' },
  ],
  settings: { method: 'scores' as const, criteria: [...defaultCriteria] },
  visibility: 'after-close' as const,
};

/** Prioritisation rounds: create and edit drafts, open, close, reopen, follow up; then ballots, results, decisions. */
export function roundRoutes(prioritisation: Prioritisation, roundEvidence: RoundEvidenceService): Route[] {
  const { rounds } = prioritisation;
  const run = roundAccess(prioritisation, 'rounds.run');
  const read = roundAccess(prioritisation, 'workspace.read');
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/rounds',
      summary: "The partnership's prioritisation rounds, newest first (drafts for facilitators only)",
      tag: 'rounds',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      response: z.array(RoundSchema),
      handler: (context) => rounds.list(context.partnership!.id, viewerOf(context)),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/rounds',
      summary: 'Create a draft round: candidates, method and settings',
      tag: 'rounds',
      access: { kind: 'partnership', permission: 'rounds.run', partnershipOf: byId },
      params: PartnershipParams,
      body: CreateRoundRequestSchema,
      exampleBody: exampleRound,
      response: RoundSchema,
      status: 201,
      handler: (context) => rounds.create(viewerOf(context), context.partnership!.id, context.body, context.ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId',
      summary: 'One round with its turnout and what I may do in it (never its results)',
      tag: 'rounds',
      access: read,
      params: RoundParams,
      response: RoundSchema,
      handler: (context) => rounds.get(context.params.roundId, viewerOf(context)),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/rounds/:roundId',
      summary: 'Change a draft round (candidates, when given, replace the list)',
      tag: 'rounds',
      access: run,
      params: RoundParams,
      body: UpdateRoundRequestSchema,
      exampleBody: { title: 'Priority outcomes 2026–27 (draft 2)' },
      response: RoundSchema,
      handler: (context) => rounds.update(viewerOf(context), context.params.roundId, context.body, context.ip),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/rounds/:roundId',
      summary: 'Delete a draft round',
      tag: 'rounds',
      access: run,
      params: RoundParams,
      response: OkSchema,
      handler: async (context) => {
        await rounds.delete(viewerOf(context), context.params.roundId, context.ip);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/rounds/:roundId/open',
      summary: 'Open a draft round for voting; its rules (anonymity above all) are fixed from now on',
      tag: 'rounds',
      access: run,
      params: RoundParams,
      response: RoundSchema,
      handler: (context) => rounds.open(viewerOf(context), context.params.roundId, context.ip),
    }),
    defineRoute({
      method: 'post',
      path: '/api/rounds/:roundId/close',
      summary: 'Close an open round now; anonymous ballots are sealed for good',
      tag: 'rounds',
      access: run,
      params: RoundParams,
      response: RoundSchema,
      handler: async (context) => {
        const viewer = viewerOf(context);
        await rounds.close(viewer, context.params.roundId, context.ip);
        return rounds.get(context.params.roundId, viewer);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/rounds/:roundId/reopen',
      summary: 'Reopen a closed named round (never an anonymous one, nor one with a recorded decision)',
      tag: 'rounds',
      access: run,
      params: RoundParams,
      body: ReopenRoundRequestSchema,
      exampleBody: { closesAt: null },
      response: RoundSchema,
      handler: (context) => rounds.reopen(viewerOf(context), context.params.roundId, context.body.closesAt, context.ip),
    }),
    defineRoute({
      method: 'post',
      path: '/api/rounds/:roundId/follow-up',
      summary: "Start a Delphi follow-up: a draft with the same candidates that shows this round's distribution",
      tag: 'rounds',
      access: run,
      params: RoundParams,
      response: RoundSchema,
      status: 201,
      handler: (context) => rounds.followUp(viewerOf(context), context.params.roundId, context.ip),
    }),
    ...ballotRoutes(prioritisation, roundEvidence),
  ];
}
