import { RoundEvidenceSchema, type RoundEvidence } from '../../shared/schemas/candidateEvidence.ts';
import { z } from 'zod';
import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  CastBallotResponseSchema,
  PublishedBallotsSchema,
  MyBallotSchema,
  type Ballot,
  type CastBallotResponse,
  type PublishedBallots,
  type MyBallot,
} from '../../shared/schemas/ballots.ts';
import { DecisionSchema, type Decision, type RecordDecisionRequest } from '../../shared/schemas/decisions.ts';
import { RoundResultsSchema, type RoundResults } from '../../shared/schemas/roundResults.ts';
import {
  RoundSchema,
  RoundVotersSchema,
  type CreateRoundRequest,
  type Round,
  type RoundVoters,
  type UpdateRoundRequest,
} from '../../shared/schemas/rounds.ts';
import { ApiError } from '../api/ApiError.ts';
import { apiRequest, segment } from '../api/apiRequest.ts';

const signalOf = (signal?: AbortSignal) => (signal ? { signal } : {});
const roundPath = (roundId: string) => `/api/rounds/${segment(roundId)}`;

/** The partnership's rounds, newest first (drafts only for facilitators). */
export function listRounds(partnershipId: string, signal?: AbortSignal): Promise<Round[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/rounds`, {
    schema: z.array(RoundSchema),
    ...signalOf(signal),
  });
}

/** Creates a draft round (facilitators). */
export function createRound(partnershipId: string, request: CreateRoundRequest): Promise<Round> {
  return apiRequest('POST', `/api/partnerships/${segment(partnershipId)}/rounds`, {
    body: request,
    schema: RoundSchema,
  });
}

/** One round with its turnout and what I may do in it. */
export function fetchRound(roundId: string, signal?: AbortSignal): Promise<Round> {
  return apiRequest('GET', roundPath(roundId), { schema: RoundSchema, ...signalOf(signal) });
}

/** Changes a draft round (facilitators). */
export function updateRound(roundId: string, change: UpdateRoundRequest): Promise<Round> {
  return apiRequest('PATCH', roundPath(roundId), { body: change, schema: RoundSchema });
}

/** Deletes a draft round (facilitators). */
export async function deleteRound(roundId: string): Promise<void> {
  await apiRequest('DELETE', roundPath(roundId), { schema: OkSchema });
}

/** Opens, closes or follows up a round (facilitators). */
export function changeRoundState(roundId: string, action: 'open' | 'close' | 'follow-up'): Promise<Round> {
  return apiRequest('POST', `${roundPath(roundId)}/${action}`, { schema: RoundSchema });
}

/** Reopens a closed named round, optionally with a new closing time (facilitators). */
export function reopenRound(roundId: string, closesAt: string | null): Promise<Round> {
  return apiRequest('POST', `${roundPath(roundId)}/reopen`, { body: { closesAt }, schema: RoundSchema });
}

/** My ballot with the version it was read at (`ETag`), to send back when saving a change. */
export interface VersionedBallot {
  mine: MyBallot;
  /** Null when the server sent none (a sealed ballot): saving then goes without `If-Match`. */
  etag: string | null;
}

/**
 * Casts or replaces my ballot. With `etag` (the version this screen showed) the server refuses it with an ApiError
 * 409 `ballot_changed` if the ballot changed since (another tab, or a colleague for my organisation): see
 * `currentBallotOf`.
 */
export async function castBallot(
  roundId: string,
  ballot: Ballot,
  etag: string | null = null,
): Promise<{ cast: CastBallotResponse; etag: string | null }> {
  let next: string | null = null;
  const cast = await apiRequest('PUT', `${roundPath(roundId)}/ballot`, {
    body: ballot,
    schema: CastBallotResponseSchema,
    ...(etag ? { headers: { 'If-Match': etag } } : {}),
    onHeaders: (headers) => (next = headers.get('ETag')),
  });
  return { cast, etag: next };
}

/** My ballot (or my organisation's), as stored, with its version. */
export async function fetchMyBallot(roundId: string, signal?: AbortSignal): Promise<VersionedBallot> {
  let etag: string | null = null;
  const mine = await apiRequest('GET', `${roundPath(roundId)}/ballot`, {
    schema: MyBallotSchema,
    ...signalOf(signal),
    onHeaders: (headers) => (etag = headers.get('ETag')),
  });
  return { mine, etag };
}

const ChangedBallotSchema = MyBallotSchema.extend({ etag: z.string() });

/** The ballot as stored now, from a 409 `ballot_changed` refusal; null for any other failure. */
export function currentBallotOf(error: unknown): VersionedBallot | null {
  if (!(error instanceof ApiError) || error.status !== 409 || error.code !== 'ballot_changed') return null;
  const parsed = ChangedBallotSchema.safeParse(error.current);
  if (!parsed.success) return null;
  const { etag, ...mine } = parsed.data;
  return { mine, etag };
}

/** The results, when the round's visibility lets me see them (otherwise an ApiError with status 403). */
export function fetchResults(roundId: string, signal?: AbortSignal): Promise<RoundResults> {
  return apiRequest('GET', `${roundPath(roundId)}/results`, { schema: RoundResultsSchema, ...signalOf(signal) });
}

/** The evidence beside each candidate of a round (whoever may see the round). */
export function fetchRoundEvidence(roundId: string, signal?: AbortSignal): Promise<RoundEvidence> {
  return apiRequest('GET', `${roundPath(roundId)}/evidence`, { schema: RoundEvidenceSchema, ...signalOf(signal) });
}

/** After close: every counted ballot beside its receipt hash, for checking a receipt and recounting. */
export function fetchPublishedBallots(roundId: string, signal?: AbortSignal): Promise<PublishedBallots> {
  return apiRequest('GET', `${roundPath(roundId)}/published-ballots`, {
    schema: PublishedBallotsSchema,
    ...signalOf(signal),
  });
}

/** Where the results CSV downloads from. */
export function resultsCsvPath(roundId: string): string {
  return `${roundPath(roundId)}/results/csv`;
}

/** Who has voted and who has not (facilitators). */
export function fetchVoters(roundId: string, signal?: AbortSignal): Promise<RoundVoters> {
  return apiRequest('GET', `${roundPath(roundId)}/voters`, { schema: RoundVotersSchema, ...signalOf(signal) });
}

/** Records the agreed priorities of a closed round (facilitators). */
export function recordDecision(roundId: string, request: RecordDecisionRequest): Promise<Decision> {
  return apiRequest('PUT', `${roundPath(roundId)}/decision`, { body: request, schema: DecisionSchema });
}

/** The decision recorded for a round, or null. */
export function fetchDecision(roundId: string, signal?: AbortSignal): Promise<Decision | null> {
  return apiRequest('GET', `${roundPath(roundId)}/decision`, {
    schema: DecisionSchema.nullable(),
    ...signalOf(signal),
  });
}

/** The partnership's decision log, newest first. */
export function listDecisions(partnershipId: string, signal?: AbortSignal): Promise<Decision[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/decisions`, {
    schema: z.array(DecisionSchema),
    ...signalOf(signal),
  });
}
