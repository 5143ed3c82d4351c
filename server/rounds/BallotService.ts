import { ballotProblems } from '../../shared/model/prioritisation/ballotRules.ts';
import type { Ballot, CastBallotResponse, MyBallot } from '../../shared/schemas/ballots.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import { HttpError } from '../http/errors.ts';
import type { Membership } from '../partnerships/PartnershipRepository.ts';
import type { BallotRepository } from './BallotRepository.ts';
import { ballotKeyFor, voterKeyFor } from './ballotKeys.ts';
import type { RoundProjector } from './RoundProjector.ts';
import { canRunRounds, type RoundReader, type RoundViewer } from './RoundReader.ts';
import type { RoundRecord, RoundRepository } from './RoundRepository.ts';
import type { RoundService } from './RoundService.ts';

const closed = 'Voting has closed';

export interface BallotServiceDeps {
  rounds: RoundRepository;
  ballots: BallotRepository;
  roundService: RoundService;
  reader: RoundReader;
  audit: AuditLog;
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
   * transaction, so concurrent ballots can neither slip past a rule nor be counted twice.
   */
  cast(viewer: RoundViewer, roundId: string, ballot: Ballot, ip: string | null): CastBallotResponse {
    const { rounds, ballots, reader, audit } = this.#deps;
    const outcome = rounds.transaction(() => {
      const round = rounds.findById(roundId);
      if (!round || (round.state === 'draft' && !canRunRounds(viewer))) {
        throw new HttpError(404, 'round_not_found', 'No such round');
      }
      if (round.state === 'open' && round.closesAt !== null && Date.parse(round.closesAt) <= Date.now()) {
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
      const replaced = ballots.hasVoted(roundId, voterKey);
      const organisation = round.anonymous ? null : voter.organisation;
      ballots.putBallot(roundId, this.#ballotKey(round, voterKey), organisation, ballot);
      ballots.recordVoter(roundId, voterKey, voter.userId, voter.organisation);
      // In the same transaction: a ballot is never stored without its audit entry (nor the other way round).
      // The entry says that a ballot was cast, never what it says: facilitators read the audit log, and results
      // hidden until close (or until they vote) must stay hidden from them too.
      audit.record({
        action: 'ballot.cast',
        actorId: viewer.userId,
        partnershipId: round.partnershipId,
        target: roundId,
        details: { replaced },
        ip,
      });
      return { overdue: false as const, round, version: rounds.bumpVersion(roundId) };
    });
    if (outcome.overdue) {
      // Closed here, outside the transaction: sealing an anonymous round checkpoints the database.
      this.#deps.roundService.current(roundId);
      throw new HttpError(409, 'round_not_open', closed);
    }
    const { round, version } = outcome;
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    return { hasVoted: true, ballot, sealed: false, turnout: reader.turnout(round), version };
  }

  /** My ballot (or my organisation's). After an anonymous round closes nobody can retrieve it: it is sealed. */
  mine(viewer: RoundViewer, roundId: string): MyBallot {
    const round = this.#deps.roundService.current(roundId, viewer);
    if (!viewer.membership) return { hasVoted: false, ballot: null, sealed: false };
    const voterKey = voterKeyFor(round.eligibility, viewer.membership);
    const hasVoted = this.#deps.ballots.hasVoted(roundId, voterKey);
    if (round.anonymous && round.state === 'closed') return { hasVoted, ballot: null, sealed: hasVoted };
    const ballot = hasVoted ? this.#deps.ballots.ballot(roundId, this.#ballotKey(round, voterKey)) : null;
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

  #ballotKey(round: RoundRecord, voterKey: string): string {
    if (!round.anonymous) return voterKey;
    const secret = this.#deps.ballots.secret(round.id);
    // An open anonymous round always has its secret; without it a ballot could not be found or replaced.
    if (!secret) throw new HttpError(409, 'round_sealed', 'This round’s ballots are sealed');
    return ballotKeyFor(voterKey, secret);
  }
}
