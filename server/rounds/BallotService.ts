import { ballotProblems } from '../../shared/model/prioritisation/ballotRules.ts';
import { newReceiptCode, receiptHash } from '../../shared/model/prioritisation/receipts.ts';
import type { Ballot, CastBallotResponse, MyBallot } from '../../shared/schemas/ballots.ts';
import type { CandidateResult } from '../../shared/schemas/roundResults.ts';
import { HttpError, RateLimitedError } from '../http/errors.ts';
import type { RateLimiter } from '../http/RateLimiter.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import { ballotKeyFor, ballotTag, ifMatchHolds, voterKeyFor } from './ballotKeys.ts';
import type { RoundProjector } from './RoundProjector.ts';
import { canRunRounds, isOverdue, type Elector, type RoundReader, type RoundViewer } from './RoundReader.ts';
import type { RoundService } from './RoundService.ts';

const closed = 'Voting has closed';

/** A replaced ballot is recorded in the audit log once per voter, round and window. */
const replacedAuditWindowMs = 60_000;

export interface BallotServiceDeps {
  store: Repositories;
  roundService: RoundService;
  reader: RoundReader;
  projector: RoundProjector;
  /** Casts and changes per voter and round in a window (keyed by round and account); over it, 429. */
  changeLimit: RateLimiter;
}

/** Casting and reading ballots. The caller's identity comes from their session; a ballot never names its voter. */
export class BallotService {
  readonly #deps: BallotServiceDeps;

  constructor(deps: BallotServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Casts or replaces the caller's ballot (or their organisation's). Every check and write happens in one
   * transaction that starts by claiming the round (`lockForUpdate`: on PostgreSQL concurrent ballots of a round wait
   * for each other; on SQLite transactions run one at a time anyway), so concurrent ballots can neither slip past a
   * rule nor be counted twice, and a ballot is never taken by a round that is closing.
   */
  async cast(
    viewer: RoundViewer,
    roundId: string,
    ballot: Ballot,
    ip: string | null,
    ifMatch: string | null = null,
  ): Promise<CastBallotResponse> {
    const { store, reader, changeLimit } = this.#deps;
    // Counted before any work (refused attempts are not counted), so a flood costs neither the database nor the log.
    const waitMs = await changeLimit.take(`${roundId}:${viewer.userId}`);
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimitedError(
        `You are changing your ballot faster than this round allows. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then save it again.`,
        waitMs,
      );
    }
    // The receipt is made here and handed back once; only its hash is stored, beside the ballot, never with a name.
    const receipt = newReceiptCode();
    const receiptDigest = await receiptHash(receipt);
    const outcome = await store.transaction(async (tx) => {
      const round = await tx.rounds.lockForUpdate(roundId);
      if (!round || (round.state === 'draft' && !canRunRounds(viewer))) {
        throw new HttpError(404, 'round_not_found', 'No such round');
      }
      if (isOverdue(round)) {
        return { overdue: true as const };
      }
      if (round.state !== 'open') {
        throw new HttpError(409, 'round_not_open', round.state === 'draft' ? 'Voting has not started yet' : closed);
      }
      const voter = await this.#voter(reader.with(tx), round, viewer);
      const problems = ballotProblems(
        round.settings,
        round.candidates,
        ballot,
        await previousGroup(tx, reader.with(tx), round, ballot),
      );
      if (problems.length > 0) {
        // Every problem in the message itself (each names its candidate), not only in `issues`.
        throw new HttpError(400, 'ballot_invalid', problems.map((problem) => problem.message).join('; '), problems);
      }
      const voterKey = voterKeyFor(round.eligibility, voter);
      const replaced = await tx.ballots.hasVoted(roundId, voterKey);
      const key = await ballotKey(tx, round, voterKey);
      if (ifMatch !== null) {
        // A stale tab (or device) must not silently replace a newer ballot: it gets the ballot as it is now.
        const current = await tx.ballots.ballot(roundId, key);
        if (!ifMatchHolds(ifMatch, current)) throw ballotChanged(round, current);
      }
      // The organisation frozen when the round opened, not the voter's organisation now.
      const organisation = round.anonymous ? null : voter.organisation;
      await tx.ballots.putBallot(roundId, key, organisation, ballot, receiptDigest);
      // Anonymous rounds record who voted but not when.
      await tx.ballots.recordVoter(roundId, voterKey, voter.userId, voter.organisation, round.anonymous);
      // In the same transaction: a ballot is never stored without its audit entry (nor the other way round).
      // The entry says that a ballot was cast, never what it says: facilitators read the audit log, and results
      // hidden until close (or until they vote) must stay hidden from them too. Replacements are one entry per
      // voter and round per minute, so a burst of changes cannot push older entries out of the log.
      const entry = {
        action: 'ballot.cast',
        actorId: viewer.userId,
        partnershipId: round.partnershipId,
        target: roundId,
        details: { replaced },
        ip,
      } as const;
      const since = new Date(Date.now() - replacedAuditWindowMs).toISOString();
      if (!replaced || !(await tx.audit.recordedSince(entry, since))) await tx.audit.record(entry);
      const version = await tx.rounds.bumpVersion(roundId);
      return { overdue: false as const, round, version, turnout: await reader.with(tx).turnout(round) };
    });
    if (outcome.overdue) {
      // Closed here, in a transaction of its own: sealing an anonymous round is followed by a checkpoint.
      await this.#deps.roundService.current(roundId);
      throw new HttpError(409, 'round_not_open', closed);
    }
    const { round, version, turnout } = outcome;
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    return { hasVoted: true, ballot, sealed: false, turnout, version, receipt };
  }

  /** My ballot (or my organisation's). After an anonymous round closes nobody can retrieve it: it is sealed. */
  async mine(viewer: RoundViewer, roundId: string): Promise<MyBallot> {
    const { store, roundService } = this.#deps;
    const round = await roundService.current(roundId, viewer);
    const voterKey = await this.#deps.reader.voterKey(round, viewer);
    if (voterKey === null) return { hasVoted: false, ballot: null, sealed: false };
    const hasVoted = await store.ballots.hasVoted(roundId, voterKey);
    if (round.anonymous && round.state === 'closed') return { hasVoted, ballot: null, sealed: hasVoted };
    const ballot = hasVoted ? await store.ballots.ballot(roundId, await ballotKey(store, round, voterKey)) : null;
    return { hasVoted, ballot, sealed: false };
  }

  /**
   * The caller as a voter of this round: in its electorate, frozen when it opened (so the organisation is the one
   * they had then). Voting rights given or taken, and moves between organisations, apply from the next round.
   */
  async #voter(reader: RoundReader, round: RoundRecord, viewer: RoundViewer): Promise<Elector> {
    const elector = await reader.elector(round, viewer);
    if (elector) return elector;
    const frozen = 'Who can vote was fixed when this round opened; changes to members apply from the next round.';
    throw new HttpError(
      403,
      'not_eligible',
      viewer.membership?.isVotingMember
        ? `You became a voting member after this round opened, so you cannot vote in it. ${frozen}`
        : `Only voting members can vote in this round. ${frozen} If you should be one, ask a facilitator.`,
    );
  }
}

/** 409 for a ballot saved from a stale screen, carrying the ballot as stored now and its tag. */
function ballotChanged(round: RoundRecord, current: Ballot | null): HttpError {
  const who =
    round.eligibility === 'one-per-organisation'
      ? 'You changed this ballot elsewhere (another tab or device), or a colleague changed it for your organisation,'
      : 'You changed this ballot elsewhere (another tab or device)';
  return new HttpError(
    409,
    'ballot_changed',
    `${who} after this screen loaded it, so it was not replaced. Check the ballot as it is now, then save again if you still want your changes.`,
    undefined,
    { hasVoted: current !== null, ballot: current, sealed: false, etag: ballotTag(current) },
  );
}

/**
 * Last round's results when the ballot gives reasons in a follow-up round (the reasons are checked against them);
 * null otherwise, so a ballot without reasons costs no extra count.
 */
async function previousGroup(
  tx: Repositories,
  reader: RoundReader,
  round: RoundRecord,
  ballot: Ballot,
): Promise<CandidateResult[] | null> {
  if (Object.keys(ballot.reasons ?? {}).length === 0 || round.followUpOf === null) return null;
  const previous = await tx.rounds.findById(round.followUpOf);
  return previous ? (await reader.tally(previous)).candidates : null;
}

/** The key the voter's ballot is stored under, read through `repositories` (the store, or a transaction's). */
async function ballotKey(
  repositories: Pick<Repositories, 'ballots'>,
  round: RoundRecord,
  voterKey: string,
): Promise<string> {
  if (!round.anonymous) return voterKey;
  const secret = await repositories.ballots.secret(round.id);
  // An open anonymous round always has its secret; without it a ballot could not be found or replaced.
  if (!secret) throw new HttpError(409, 'round_sealed', 'This round’s ballots are sealed');
  return ballotKeyFor(voterKey, secret);
}
