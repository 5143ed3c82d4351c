import { ballotProblems } from '../../shared/model/prioritisation/ballotRules.ts';
import type { Ballot, CastBallotResponse, MyBallot } from '../../shared/schemas/ballots.ts';
import { HttpError } from '../http/errors.ts';
import type { Membership } from '../store/repositories/PartnershipRepository.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import { ballotKeyFor, voterKeyFor } from './ballotKeys.ts';
import type { RoundProjector } from './RoundProjector.ts';
import { canRunRounds, isOverdue, type RoundReader, type RoundViewer } from './RoundReader.ts';
import type { RoundService } from './RoundService.ts';

const closed = 'Voting has closed';

export interface BallotServiceDeps {
  store: Repositories;
  roundService: RoundService;
  reader: RoundReader;
  projector: RoundProjector;
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
  async cast(viewer: RoundViewer, roundId: string, ballot: Ballot, ip: string | null): Promise<CastBallotResponse> {
    const { store, reader } = this.#deps;
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
      const voter = this.#voter(viewer.membership);
      const problems = ballotProblems(round.settings, round.candidates, ballot);
      if (problems.length > 0) {
        throw new HttpError(400, 'ballot_invalid', problems[0]!.message, problems);
      }
      const voterKey = voterKeyFor(round.eligibility, voter);
      const replaced = await tx.ballots.hasVoted(roundId, voterKey);
      const organisation = round.anonymous ? null : voter.organisation;
      await tx.ballots.putBallot(roundId, await ballotKey(tx, round, voterKey), organisation, ballot);
      // Anonymous rounds record who voted but not when.
      await tx.ballots.recordVoter(roundId, voterKey, voter.userId, voter.organisation, round.anonymous);
      // In the same transaction: a ballot is never stored without its audit entry (nor the other way round).
      // The entry says that a ballot was cast, never what it says: facilitators read the audit log, and results
      // hidden until close (or until they vote) must stay hidden from them too.
      await tx.audit.record({
        action: 'ballot.cast',
        actorId: viewer.userId,
        partnershipId: round.partnershipId,
        target: roundId,
        details: { replaced },
        ip,
      });
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
    return { hasVoted: true, ballot, sealed: false, turnout, version };
  }

  /** My ballot (or my organisation's). After an anonymous round closes nobody can retrieve it: it is sealed. */
  async mine(viewer: RoundViewer, roundId: string): Promise<MyBallot> {
    const { store, roundService } = this.#deps;
    const round = await roundService.current(roundId, viewer);
    if (!viewer.membership) return { hasVoted: false, ballot: null, sealed: false };
    const voterKey = voterKeyFor(round.eligibility, viewer.membership);
    const hasVoted = await store.ballots.hasVoted(roundId, voterKey);
    if (round.anonymous && round.state === 'closed') return { hasVoted, ballot: null, sealed: hasVoted };
    const ballot = hasVoted ? await store.ballots.ballot(roundId, await ballotKey(store, round, voterKey)) : null;
    return { hasVoted, ballot, sealed: false };
  }

  #voter(membership: Membership | null): Membership {
    if (!membership?.isVotingMember) {
      throw new HttpError(
        403,
        'not_eligible',
        'Only voting members can vote in this round. If you should be one, ask a facilitator.',
      );
    }
    return membership;
  }
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
