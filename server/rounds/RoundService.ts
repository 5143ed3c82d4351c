import { randomBytes, randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import type { z } from 'zod';
import { candidateName, candidateProblem } from '../../shared/model/prioritisation/candidates.ts';
import {
  anonymityAllowsVisibility,
  anonymousVisibilityMessage,
  type Candidate,
  type CandidateInput,
  type CreateRoundRequestSchema,
  type Round,
  type UpdateRoundRequest,
} from '../../shared/schemas/rounds.ts';
import type { ApiIssue } from '../../shared/schemas/apiError.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import { HttpError } from '../http/errors.ts';
import type { BallotRepository } from './BallotRepository.ts';
import type { DecisionRepository } from './DecisionRepository.ts';
import type { RoundClock } from './RoundClock.ts';
import type { RoundProjector } from './RoundProjector.ts';
import { canRunRounds, type RoundReader, type RoundViewer } from './RoundReader.ts';
import type { RoundDefinition, RoundRecord, RoundRepository } from './RoundRepository.ts';

export interface RoundServiceDeps {
  rounds: RoundRepository;
  ballots: BallotRepository;
  decisions: DecisionRepository;
  reader: RoundReader;
  audit: AuditLog;
  projector: RoundProjector;
  clock: RoundClock;
  /** Reads the server's copy of a partnership's workspace doc: every candidate must be in it. */
  readWorkspace: <T>(partnershipId: string, read: (doc: Y.Doc) => T) => Promise<T>;
}

type NewRound = z.output<typeof CreateRoundRequestSchema>;

const notFound = () => new HttpError(404, 'round_not_found', 'No such round');
const conflict = (code: string, message: string) => new HttpError(409, code, message);

/** A candidate id: short and random, unique within its round. */
function candidateId(): string {
  return randomBytes(6).toString('hex');
}

/** Keeps the ids of candidates that stay, so an edited draft does not reshuffle what was already chosen. */
function withIds(inputs: readonly CandidateInput[], existing: readonly Candidate[]): Candidate[] {
  return inputs.map((input) => {
    const kept = existing.find((c) => c.kind === input.kind && c.refId === input.refId);
    return { ...input, id: kept?.id ?? candidateId() };
  });
}

/** What is wrong with each candidate that is not (or no longer) in the workspace, so the facilitator can untick it. */
function candidateIssues(doc: Y.Doc, candidates: readonly CandidateInput[]): ApiIssue[] {
  return candidates.flatMap((candidate, index) => {
    const problem = candidateProblem(doc, candidate);
    return problem ? [{ path: ['candidates', index], message: problem }] : [];
  });
}

function assertFuture(closesAt: string | null): string | null {
  if (closesAt === null) return null;
  const time = Date.parse(closesAt);
  if (time <= Date.now()) {
    throw new HttpError(400, 'invalid_request', 'The closing time must be in the future', [
      { path: ['closesAt'], message: 'The closing time must be in the future' },
    ]);
  }
  return new Date(time).toISOString();
}

/** Prioritisation rounds through their life: draft → open → closed (→ reopened, unless anonymous). */
export class RoundService {
  readonly #deps: RoundServiceDeps;

  constructor(deps: RoundServiceDeps) {
    this.#deps = deps;
  }

  /** The round as stored, closed first if its time has passed. 404 for drafts the viewer may not see. */
  current(roundId: string, viewer: RoundViewer | null = null): RoundRecord {
    let round = this.#deps.rounds.findById(roundId);
    if (!round) throw notFound();
    if (round.state === 'open' && round.closesAt !== null && Date.parse(round.closesAt) <= Date.now()) {
      round = this.#close(round, null, null);
    }
    if (viewer && round.state === 'draft' && !canRunRounds(viewer)) throw notFound();
    return round;
  }

  get(roundId: string, viewer: RoundViewer): Round {
    return this.#deps.reader.describe(this.current(roundId, viewer), viewer);
  }

  /** The partnership's rounds, newest first; drafts only for those who run rounds. */
  list(partnershipId: string, viewer: RoundViewer): Round[] {
    return this.#deps.rounds
      .listForPartnership(partnershipId)
      .map((round) => this.current(round.id))
      .filter((round) => round.state !== 'draft' || canRunRounds(viewer))
      .map((round) => this.#deps.reader.describe(round, viewer));
  }

  async create(viewer: RoundViewer, partnershipId: string, request: NewRound, ip: string | null): Promise<Round> {
    const id = randomUUID();
    const { candidates: requested, ...definition } = request;
    const candidates = await this.#candidatesInWorkspace(partnershipId, requested);
    this.#deps.rounds.insert(
      {
        id,
        partnershipId,
        followUpOf: null,
        createdBy: viewer.userId,
        ...definition,
        closesAt: assertFuture(definition.closesAt),
      },
      withIds(candidates, []),
    );
    this.#audit(
      'round.created',
      viewer,
      partnershipId,
      id,
      { title: request.title, method: request.settings.method },
      ip,
    );
    return this.get(id, viewer);
  }

  /** Changes a draft. Once a round has opened its rules are fixed (anonymity above all). */
  async update(viewer: RoundViewer, roundId: string, patch: UpdateRoundRequest, ip: string | null): Promise<Round> {
    const { candidates: requested, ...changes } = patch;
    const candidates = requested
      ? await this.#candidatesInWorkspace(this.#draft(roundId).partnershipId, requested)
      : undefined;
    // Read after the workspace, so a round opened meanwhile is refused rather than changed.
    const round = this.#draft(roundId);
    const definition: RoundDefinition = { ...round, ...changes };
    if (!anonymityAllowsVisibility(definition)) {
      throw new HttpError(400, 'invalid_request', anonymousVisibilityMessage, [
        { path: ['visibility'], message: anonymousVisibilityMessage },
      ]);
    }
    if (changes.closesAt !== undefined) definition.closesAt = assertFuture(changes.closesAt);
    this.#deps.rounds.transaction(() => {
      this.#deps.rounds.update(roundId, definition);
      if (candidates) this.#deps.rounds.replaceCandidates(roundId, withIds(candidates, round.candidates));
    });
    this.#audit('round.updated', viewer, round.partnershipId, roundId, { changed: Object.keys(patch) }, ip);
    return this.get(roundId, viewer);
  }

  delete(viewer: RoundViewer, roundId: string, ip: string | null): void {
    const round = this.#draft(roundId);
    this.#deps.rounds.delete(roundId);
    this.#audit('round.deleted', viewer, round.partnershipId, roundId, { title: round.title }, ip);
  }

  open(viewer: RoundViewer, roundId: string, ip: string | null): Round {
    const round = this.#draft(roundId);
    const closesAt = assertFuture(round.closesAt);
    this.#deps.rounds.transaction(() => {
      if (round.anonymous) this.#deps.ballots.createSecret(roundId);
      this.#deps.rounds.setState(roundId, {
        state: 'open',
        openedAt: new Date().toISOString(),
        closedAt: null,
        eligibleAtClose: null,
        closesAt,
      });
    });
    this.#deps.clock.arm(roundId, closesAt);
    this.#audit('round.opened', viewer, round.partnershipId, roundId, {}, ip);
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    return this.get(roundId, viewer);
  }

  /** Closes a round early (facilitators) or at its time (viewer null). */
  close(viewer: RoundViewer | null, roundId: string, ip: string | null): RoundRecord {
    const round = this.current(roundId);
    if (round.state !== 'open') throw conflict('round_not_open', 'This round is not open');
    return this.#close(round, viewer, ip);
  }

  reopen(viewer: RoundViewer, roundId: string, closesAt: string | null, ip: string | null): Round {
    const round = this.current(roundId);
    if (round.state !== 'closed') throw conflict('round_not_closed', 'Only a closed round can be reopened');
    if (round.anonymous) {
      throw conflict(
        'anonymous_round',
        'An anonymous round cannot be reopened: its ballots were sealed when it closed, so nobody could change theirs. Start a follow-up round instead.',
      );
    }
    if (this.#deps.decisions.forRound(roundId)) {
      throw conflict(
        'decision_recorded',
        'A decision has been recorded for this round. Start a follow-up round instead.',
      );
    }
    const nextClose = assertFuture(closesAt);
    this.#deps.rounds.setState(roundId, { state: 'open', closedAt: null, eligibleAtClose: null, closesAt: nextClose });
    this.#deps.clock.arm(roundId, nextClose);
    this.#audit('round.reopened', viewer, round.partnershipId, roundId, {}, ip);
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    return this.get(roundId, viewer);
  }

  /** A Delphi follow-up: a new draft with the same candidates (same ids) and rules, showing this round's spread. */
  followUp(viewer: RoundViewer, roundId: string, ip: string | null): Round {
    const source = this.current(roundId);
    if (source.state !== 'closed') throw conflict('round_not_closed', 'Close this round before following it up');
    const id = randomUUID();
    const { candidates, ...definition } = source;
    const title = `${source.title.replace(/ – round \d+$/, '')} – round ${this.#depth(source) + 1}`;
    this.#deps.rounds.insert(
      { ...definition, id, title, closesAt: null, followUpOf: source.id, createdBy: viewer.userId },
      candidates,
    );
    this.#audit('round.created', viewer, source.partnershipId, id, { title, followUpOf: source.id }, ip);
    return this.get(id, viewer);
  }

  /** Re-arms closing timers for open rounds (start-up) and closes those whose time passed while we were down. */
  start(): void {
    this.#deps.clock.start();
    for (const round of this.#deps.rounds.listOpen()) {
      if (round.closesAt !== null && Date.parse(round.closesAt) <= Date.now()) this.#close(round, null, null);
      else this.#deps.clock.arm(round.id, round.closesAt);
    }
  }

  #close(round: RoundRecord, viewer: RoundViewer | null, ip: string | null): RoundRecord {
    const { rounds, ballots, reader } = this.#deps;
    const closeNow = () =>
      rounds.transaction(() => {
        rounds.setState(round.id, {
          state: 'closed',
          closedAt: new Date().toISOString(),
          eligibleAtClose: reader.eligibleCount(round),
          closesAt: round.closesAt,
        });
        if (round.anonymous) ballots.seal(round.id);
      });
    if (round.anonymous) ballots.withSecureDelete(closeNow);
    else closeNow();
    this.#deps.clock.disarm(round.id);
    this.#audit('round.closed', viewer, round.partnershipId, round.id, { automatic: viewer === null }, ip);
    this.#deps.projector.roundChanged(round.partnershipId, round.id);
    return rounds.findById(round.id)!;
  }

  /** 400 naming each candidate the partnership's workspace does not hold: a round votes only on what exists. */
  /**
   * The candidates as the workspace has them: each must be a live entity of the partnership, and is labelled with
   * its current name there rather than the label the request sent (a facilitator could otherwise put outcome X on
   * the ballot under Y's words, and the decision log would record X).
   */
  async #candidatesInWorkspace(
    partnershipId: string,
    candidates: readonly CandidateInput[],
  ): Promise<CandidateInput[]> {
    // The doc is only read inside; the error is thrown outside, so no transaction ends in an exception.
    const { issues, named } = await this.#deps.readWorkspace(partnershipId, (doc) => ({
      issues: candidateIssues(doc, candidates),
      named: candidates.map((candidate) => ({ ...candidate, label: candidateName(doc, candidate) ?? candidate.label })),
    }));
    if (issues.length > 0) {
      throw new HttpError(400, 'invalid_request', issues.map((issue) => issue.message).join(' '), issues);
    }
    return named;
  }

  #draft(roundId: string): RoundRecord {
    const round = this.current(roundId);
    if (round.state !== 'draft') {
      throw conflict('round_not_draft', 'This round has opened, so its rules can no longer change');
    }
    return round;
  }

  #depth(round: RoundRecord): number {
    let depth = 1;
    let previous = round.followUpOf;
    while (previous && depth < 50) {
      depth += 1;
      previous = this.#deps.rounds.findById(previous)?.followUpOf ?? null;
    }
    return depth;
  }

  #audit(
    action: 'round.created' | 'round.updated' | 'round.deleted' | 'round.opened' | 'round.closed' | 'round.reopened',
    viewer: RoundViewer | null,
    partnershipId: string,
    roundId: string,
    details: Record<string, unknown>,
    ip: string | null,
  ): void {
    this.#deps.audit.record({ action, actorId: viewer?.userId ?? null, partnershipId, target: roundId, details, ip });
  }
}
