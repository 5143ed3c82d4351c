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
import { HttpError } from '../http/errors.ts';
import type { AuditEvent } from '../store/repositories/AuditLog.ts';
import type { RoundDefinition, RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { Logger } from '../logger.ts';
import type { Notify } from '../mail/notifications.ts';
import type { RoundClock } from './RoundClock.ts';
import type { RoundProjector } from './RoundProjector.ts';
import { canRunRounds, isOverdue, type RoundReader, type RoundViewer } from './RoundReader.ts';

export interface RoundServiceDeps {
  /** The store's repositories: reads go through them, every change through their unit of work. */
  store: Repositories;
  reader: RoundReader;
  projector: RoundProjector;
  clock: RoundClock;
  logger: Logger;
  /** Reads the server's copy of a partnership's workspace doc: every candidate must be in it. */
  readWorkspace: <T>(partnershipId: string, read: (doc: Y.Doc) => T) => Promise<T>;
  /** Called after a close has committed (a version of the partnership is taken); must not throw. */
  onClosed?: (round: RoundRecord, closedBy: string | null) => Promise<void>;
  /** Tells the electorate voting is open (after the opening commits; never fails it). */
  notify?: Pick<Notify, 'roundOpened'> | undefined;
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

type RoundAction =
  'round.created' | 'round.updated' | 'round.deleted' | 'round.opened' | 'round.closed' | 'round.reopened';

function event(
  action: RoundAction,
  viewer: RoundViewer | null,
  partnershipId: string,
  roundId: string,
  details: Record<string, unknown>,
  ip: string | null,
): AuditEvent {
  return { action, actorId: viewer?.userId ?? null, partnershipId, target: roundId, details, ip };
}

/**
 * Prioritisation rounds through their life: draft → open → closed (→ reopened, unless anonymous). Every change runs
 * in one unit of work that first claims the round (`lockForUpdate`) and checks its state there, so two requests
 * racing (two closes, an open and an edit, a reopen and a decision) cannot both act on what they read before.
 * Documents are never written inside a transaction: the projector is told after it has committed.
 */
export class RoundService {
  readonly #deps: RoundServiceDeps;

  constructor(deps: RoundServiceDeps) {
    this.#deps = deps;
  }

  /** The round as stored, closed first if its time has passed. 404 for drafts the viewer may not see. */
  async current(roundId: string, viewer: RoundViewer | null = null): Promise<RoundRecord> {
    let round = await this.#deps.store.rounds.findById(roundId);
    if (!round) throw notFound();
    if (isOverdue(round)) round = (await this.#close(round.id, null, null)).round;
    if (viewer && round.state === 'draft' && !canRunRounds(viewer)) throw notFound();
    return round;
  }

  async get(roundId: string, viewer: RoundViewer): Promise<Round> {
    return this.#deps.reader.describe(await this.current(roundId, viewer), viewer);
  }

  /** The partnership's rounds, newest first; drafts only for those who run rounds. */
  async list(partnershipId: string, viewer: RoundViewer): Promise<Round[]> {
    const listed: Round[] = [];
    for (const stored of await this.#deps.store.rounds.listForPartnership(partnershipId)) {
      const round = isOverdue(stored) ? (await this.#close(stored.id, null, null)).round : stored;
      if (round.state === 'draft' && !canRunRounds(viewer)) continue;
      listed.push(await this.#deps.reader.describe(round, viewer));
    }
    return listed;
  }

  async create(viewer: RoundViewer, partnershipId: string, request: NewRound, ip: string | null): Promise<Round> {
    const id = randomUUID();
    const { candidates: requested, ...definition } = request;
    // The workspace is read before the transaction: no document is touched while it holds the connection.
    const candidates = await this.#candidatesInWorkspace(partnershipId, requested);
    const closesAt = assertFuture(definition.closesAt);
    await this.#deps.store.transaction(async (tx) => {
      await tx.rounds.insert(
        { id, partnershipId, followUpOf: null, createdBy: viewer.userId, ...definition, closesAt },
        withIds(candidates, []),
      );
      await tx.audit.record(
        event(
          'round.created',
          viewer,
          partnershipId,
          id,
          { title: request.title, method: request.settings.method },
          ip,
        ),
      );
    });
    return this.get(id, viewer);
  }

  /** Changes a draft. Once a round has opened its rules are fixed (anonymity above all). */
  async update(viewer: RoundViewer, roundId: string, patch: UpdateRoundRequest, ip: string | null): Promise<Round> {
    const { candidates: requested, ...changes } = patch;
    const candidates = requested
      ? await this.#candidatesInWorkspace((await this.#draft(roundId)).partnershipId, requested)
      : undefined;
    await this.#deps.store.transaction(async (tx) => {
      // Read again after the workspace, in the transaction, so a round opened meanwhile is refused rather than changed.
      const round = await lockedDraft(tx, roundId);
      const definition: RoundDefinition = { ...round, ...changes };
      if (!anonymityAllowsVisibility(definition)) {
        throw new HttpError(400, 'invalid_request', anonymousVisibilityMessage, [
          { path: ['visibility'], message: anonymousVisibilityMessage },
        ]);
      }
      if (changes.closesAt !== undefined) definition.closesAt = assertFuture(changes.closesAt);
      await tx.rounds.update(roundId, definition);
      if (candidates) await tx.rounds.replaceCandidates(roundId, withIds(candidates, round.candidates));
      await tx.audit.record(
        event('round.updated', viewer, round.partnershipId, roundId, { changed: Object.keys(patch) }, ip),
      );
    });
    return this.get(roundId, viewer);
  }

  async delete(viewer: RoundViewer, roundId: string, ip: string | null): Promise<void> {
    await this.#deps.store.transaction(async (tx) => {
      const round = await lockedDraft(tx, roundId);
      await tx.rounds.delete(roundId);
      await tx.audit.record(event('round.deleted', viewer, round.partnershipId, roundId, { title: round.title }, ip));
    });
  }

  async open(viewer: RoundViewer, roundId: string, ip: string | null): Promise<Round> {
    const opened = await this.#deps.store.transaction(async (tx) => {
      const round = await lockedDraft(tx, roundId);
      const closesAt = assertFuture(round.closesAt);
      if (round.anonymous) await tx.ballots.createSecret(roundId);
      // Who may vote, and for which organisation, is fixed now: membership changes apply from the next round.
      await tx.ballots.freezeElectorate(roundId, round.partnershipId);
      await tx.rounds.setState(roundId, {
        state: 'open',
        openedAt: new Date().toISOString(),
        closedAt: null,
        eligibleAtClose: null,
        closesAt,
      });
      await tx.audit.record(event('round.opened', viewer, round.partnershipId, roundId, {}, ip));
      return { partnershipId: round.partnershipId, closesAt };
    });
    this.#deps.clock.arm(roundId, opened.closesAt);
    this.#deps.projector.roundChanged(opened.partnershipId, roundId);
    this.#deps.notify?.roundOpened({ roundId });
    return this.get(roundId, viewer);
  }

  /** Closes a round early (facilitators) or at its time (viewer null). */
  async close(viewer: RoundViewer | null, roundId: string, ip: string | null): Promise<RoundRecord> {
    const round = await this.current(roundId);
    if (round.state !== 'open') throw conflict('round_not_open', 'This round is not open');
    const closed = await this.#close(round.id, viewer, ip);
    // Someone else closed it a moment ago.
    if (!closed.closedNow) throw conflict('round_not_open', 'This round is not open');
    return closed.round;
  }

  async reopen(viewer: RoundViewer, roundId: string, closesAt: string | null, ip: string | null): Promise<Round> {
    // Closes it first if its time has passed.
    await this.current(roundId);
    const reopened = await this.#deps.store.transaction(async (tx) => {
      const round = await tx.rounds.lockForUpdate(roundId);
      if (!round) throw notFound();
      if (round.state !== 'closed') throw conflict('round_not_closed', 'Only a closed round can be reopened');
      if (round.anonymous) {
        throw conflict(
          'anonymous_round',
          'An anonymous round cannot be reopened: its ballots were sealed when it closed, so nobody could change theirs. Start a follow-up round instead.',
        );
      }
      if (await tx.decisions.forRound(roundId)) {
        throw conflict(
          'decision_recorded',
          'A decision has been recorded for this round. Start a follow-up round instead.',
        );
      }
      const nextClose = assertFuture(closesAt);
      // The electorate frozen when the round first opened stays: reopening continues the same round.
      await tx.rounds.setState(roundId, { state: 'open', closedAt: null, eligibleAtClose: null, closesAt: nextClose });
      await tx.audit.record(event('round.reopened', viewer, round.partnershipId, roundId, {}, ip));
      return { partnershipId: round.partnershipId, nextClose };
    });
    this.#deps.clock.arm(roundId, reopened.nextClose);
    this.#deps.projector.roundChanged(reopened.partnershipId, roundId);
    return this.get(roundId, viewer);
  }

  /** A Delphi follow-up: a new draft with the same candidates (same ids) and rules, showing this round's spread. */
  async followUp(viewer: RoundViewer, roundId: string, ip: string | null): Promise<Round> {
    const source = await this.current(roundId);
    if (source.state !== 'closed') throw conflict('round_not_closed', 'Close this round before following it up');
    const id = randomUUID();
    const { candidates, ...definition } = source;
    const title = `${source.title.replace(/ – round \d+$/, '')} – round ${(await this.#depth(source)) + 1}`;
    await this.#deps.store.transaction(async (tx) => {
      await tx.rounds.insert(
        { ...definition, id, title, closesAt: null, followUpOf: source.id, createdBy: viewer.userId },
        candidates,
      );
      await tx.audit.record(
        event('round.created', viewer, source.partnershipId, id, { title, followUpOf: source.id }, ip),
      );
    });
    return this.get(id, viewer);
  }

  /** Re-arms closing timers for open rounds (start-up) and closes those whose time passed while we were down. */
  async start(): Promise<void> {
    this.#deps.clock.start();
    for (const round of await this.#deps.store.rounds.listOpen()) {
      if (isOverdue(round)) await this.#close(round.id, null, null);
      else this.#deps.clock.arm(round.id, round.closesAt);
    }
  }

  /**
   * Closes the round if it is still open when the transaction claims it (`closedNow`), else leaves it as another
   * request left it; either way answers the round as stored now. Sealing an anonymous round happens in the same
   * transaction; the SQLite checkpoint that follows it needs the transaction committed.
   */
  async #close(
    roundId: string,
    viewer: RoundViewer | null,
    ip: string | null,
  ): Promise<{ round: RoundRecord; closedNow: boolean }> {
    const { store, reader } = this.#deps;
    const closed = await store.transaction(async (tx) => {
      const round = await tx.rounds.lockForUpdate(roundId);
      if (!round || round.state !== 'open') return null;
      await tx.rounds.setState(round.id, {
        state: 'closed',
        closedAt: new Date().toISOString(),
        eligibleAtClose: await reader.with(tx).eligibleCount(round),
        closesAt: round.closesAt,
      });
      if (round.anonymous) await tx.ballots.seal(round.id);
      await tx.audit.record(
        event('round.closed', viewer, round.partnershipId, round.id, { automatic: viewer === null }, ip),
      );
      return round;
    });
    if (closed) {
      this.#deps.clock.disarm(roundId);
      this.#deps.projector.roundChanged(closed.partnershipId, roundId);
      if (closed.anonymous) {
        // Defence in depth only (the seal itself has committed): a failure here must not fail the close.
        await store.ballots
          .checkpoint()
          .catch((error: unknown) =>
            this.#deps.logger.error('checkpointing after sealing a round failed', { roundId, error }),
          );
      }
      await this.#deps.onClosed?.(closed, viewer?.userId ?? null);
    }
    const round = await store.rounds.findById(roundId);
    if (!round) throw notFound();
    return { round, closedNow: closed !== null };
  }

  /**
   * The candidates as the workspace has them: each must be a live entity of the partnership, and is labelled with
   * its current name there rather than the label the request sent (a facilitator could otherwise put outcome X on
   * the ballot under Y's words, and the decision log would record X). 400 naming each candidate the workspace does
   * not hold: a round votes only on what exists.
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

  async #draft(roundId: string): Promise<RoundRecord> {
    const round = await this.current(roundId);
    if (round.state !== 'draft') throw notDraft();
    return round;
  }

  async #depth(round: RoundRecord): Promise<number> {
    let depth = 1;
    let previous = round.followUpOf;
    while (previous && depth < 50) {
      depth += 1;
      previous = (await this.#deps.store.rounds.findById(previous))?.followUpOf ?? null;
    }
    return depth;
  }
}

const notDraft = () => conflict('round_not_draft', 'This round has opened, so its rules can no longer change');

/** The round claimed in this transaction, if it is still a draft. */
async function lockedDraft(tx: Repositories, roundId: string): Promise<RoundRecord> {
  const round = await tx.rounds.lockForUpdate(roundId);
  if (!round) throw notFound();
  if (round.state !== 'draft') throw notDraft();
  return round;
}
