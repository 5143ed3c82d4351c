import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import {
  BallotSchema,
  CastBallotResponseSchema,
  MyBallotSchema,
  PublishedBallotsSchema,
} from '../../shared/schemas/ballots.ts';
import { RoundEvidenceSchema } from '../../shared/schemas/candidateEvidence.ts';
import { DecisionSchema, RecordDecisionRequestSchema } from '../../shared/schemas/decisions.ts';
import { RoundResultsSchema } from '../../shared/schemas/roundResults.ts';
import { RoundVotersSchema } from '../../shared/schemas/rounds.ts';
import { ballotTag } from '../rounds/ballotKeys.ts';
import type { Prioritisation } from '../rounds/createPrioritisation.ts';
import type { RoundEvidenceService } from '../rounds/RoundEvidenceService.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { RoundParams, roundAccess, viewerOf } from './roundAccess.ts';

/** Ballots, results (only when the round's visibility allows), turnout names and the decision log. */
export function ballotRoutes(prioritisation: Prioritisation, roundEvidence: RoundEvidenceService): Route[] {
  const { ballots, results, decisions } = prioritisation;
  const run = roundAccess(prioritisation, 'rounds.run');
  const read = roundAccess(prioritisation, 'workspace.read');
  return [
    defineRoute({
      method: 'put',
      path: '/api/rounds/:roundId/ballot',
      summary:
        "Cast or replace my ballot (or my organisation's) while the round is open; the round's electorate only. " +
        'If-Match (the ETag of GET …/ballot) refuses a stale change with 409 ballot_changed and the current ballot',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      body: BallotSchema,
      // The authorization matrix's round is a 'live' dots round with these candidates.
      exampleBody: { method: 'dots', dots: { c1: 2, c2: 1 } },
      response: CastBallotResponseSchema,
      handler: async (context) => {
        // If-Match (optional: scripts may leave it out) names the version of the ballot the caller last saw.
        const cast = await ballots.cast(
          viewerOf(context),
          context.params.roundId,
          context.body,
          context.ip,
          context.c.req.header('if-match') ?? null,
        );
        context.c.header('ETag', ballotTag(cast.ballot));
        return cast;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/ballot',
      summary: 'My ballot (or my organisation’s); sealed, so not retrievable, once an anonymous round closes',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      response: MyBallotSchema,
      handler: async (context) => {
        const mine = await ballots.mine(viewerOf(context), context.params.roundId);
        // The version to send back in If-Match when saving a change (none once sealed: nothing can be changed).
        if (!mine.sealed) context.c.header('ETag', ballotTag(mine.ballot));
        context.c.header('Cache-Control', 'no-store');
        return mine;
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/results',
      summary:
        'Ranked results with aggregate and spread (named rounds: who voted how, for facilitators); 403 while the round’s visibility hides them from me',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      response: RoundResultsSchema,
      handler: (context) => results.results(viewerOf(context), context.params.roundId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/evidence',
      summary:
        'The evidence beside each candidate: its metrics’ latest judgements against England and the region, trends, ' +
        'data availability, linked concerns and offer actions (whoever may see the round)',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      response: RoundEvidenceSchema,
      handler: (context) => roundEvidence.forRound(viewerOf(context), context.params.roundId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/published-ballots',
      summary:
        'After close: every counted ballot beside its receipt hash (no names), for voters to find theirs and anyone ' +
        'to recount; same rule as the results, 409 while open',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      response: PublishedBallotsSchema,
      handler: (context) => results.published(viewerOf(context), context.params.roundId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/results/csv',
      summary: 'The results as CSV (cells that a spreadsheet would run as formulas are neutralised); same rule',
      tag: 'ballots',
      access: read,
      params: RoundParams,
      // A file download, not JSON: the handler answers with the response itself.
      response: z.custom<Response>((value) => value instanceof Response),
      handler: async (context) => {
        const { filename, body } = await results.csv(viewerOf(context), context.params.roundId);
        return context.c.body(body, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
          'Cache-Control': 'no-store',
        });
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/voters',
      summary: 'Who has voted and who has not, to verify turnout (anonymous rounds: names only, no times)',
      tag: 'ballots',
      access: run,
      params: RoundParams,
      response: RoundVotersSchema,
      handler: (context) => results.voters(context.params.roundId),
    }),
    defineRoute({
      method: 'put',
      path: '/api/rounds/:roundId/decision',
      summary: 'Record (or correct) the agreed priorities, outcome statement and review date of a closed round',
      tag: 'decisions',
      access: run,
      params: RoundParams,
      body: RecordDecisionRequestSchema,
      exampleBody: {
        priorityCandidateIds: ['c1'],
        statement: 'We will focus on school readiness.',
        reviewDate: '2027-03-31',
      },
      response: DecisionSchema,
      handler: (context) => decisions.record(viewerOf(context), context.params.roundId, context.body, context.ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/rounds/:roundId/decision',
      summary: 'The decision recorded for a round, or null',
      tag: 'decisions',
      access: read,
      params: RoundParams,
      response: DecisionSchema.nullable(),
      handler: async (context) => {
        // 404 for a draft the caller may not see; closes the round first if its time has passed.
        await prioritisation.rounds.current(context.params.roundId, viewerOf(context));
        return decisions.forRound(context.params.roundId);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/decisions',
      summary: 'The decision log: agreed priorities of past rounds, newest first',
      tag: 'decisions',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: (params) => params.id ?? null },
      params: z.object({ id: PartnershipIdSchema }),
      response: z.array(DecisionSchema),
      handler: (context) => decisions.list(context.partnership!.id),
    }),
  ];
}
