import { ballotProblems } from '../../shared/model/prioritisation/ballotRules.ts';
import type { Ballot, CastBallotResponse, MyBallot } from '../../shared/schemas/ballots.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import { HttpError } from '../http/errors.ts';
import type { Membership } from '../partnerships/PartnershipRepository.ts';
import type { BallotRepository } from './BallotRepository.ts';
import { ballotKeyFor, voterKeyFor } from './ballotKeys.ts';
import type { RoundProjector } from './RoundProjector.ts';
import type { RoundReader, RoundViewer } from './RoundReader.ts';
import type { RoundRecord, RoundRepository } from './RoundRepository.ts';
import type { RoundService } from './RoundService.ts';

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
    const { rounds, ballots, reader } = this.#deps;
    // Closes an overdue round first (outside the transaction: sealing checkpoints the database).
    this.#deps.roundService.current(roundId, viewer);
    const outcome = rounds.transaction(() => {
      const round = rounds.findById(roundId);
      if (!round) throw new HttpError(404, 'round_not_found', 'No such round');
      const overdue = round.closesAt !== null && Date.parse(round.closesAt) <= Date.now();
      if (round.state !== 'open' || overdue) {
        throw new HttpError(
          409,
          'round_not_open',
          round.state === 'draft' ? 'Voting has not started yet' : 'Voting has closed',
        );
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
      const version = rounds.bumpVersion(roundId);
      return { round, replaced, version };
    });
    const { round, replaced, version } = outcome;
    // Anonymous rounds record that a ballot was cast, never what it says.
    this.#deps.audit.record({
      action: 'ballot.cast',
      actorId: viewer.userId,
      partnershipId: round.partnershipId,
      target: roundId,
      details: round.anonymous ? { replaced } : { replaced, ballot },
      ip,
    });
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
