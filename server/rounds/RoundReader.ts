import { roleCan } from '../../shared/model/roles.ts';
import type { RoundProjection } from '../../shared/model/prioritisation/projection.ts';
import { quorumFor, tallyRound } from '../../shared/model/prioritisation/tally.ts';
import { resultsVisibleTo, resultsVisibleToEveryone } from '../../shared/model/prioritisation/visibility.ts';
import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import type { Round, RoundAccess, Turnout } from '../../shared/schemas/rounds.ts';
import type { Membership } from '../partnerships/PartnershipRepository.ts';
import type { BallotRepository } from './BallotRepository.ts';
import { organisationKey, voterKeyFor } from './ballotKeys.ts';
import type { DecisionRepository } from './DecisionRepository.ts';
import type { RoundRecord } from './RoundRepository.ts';

/** Who is asking: their account and their membership of the round's partnership (null for a non-member admin). */
export interface RoundViewer {
  userId: string;
  isAdmin: boolean;
  membership: Membership | null;
}

/** Whether the viewer may edit, open, close and decide rounds: facilitators, and administrators everywhere. */
export function canRunRounds(viewer: RoundViewer): boolean {
  return viewer.isAdmin || (viewer.membership !== null && roleCan(viewer.membership.role, 'rounds.run'));
}

/** Derived facts about rounds: turnout, what a viewer may do, the tally, the projection. Reads only. */
export class RoundReader {
  readonly #ballots: BallotRepository;
  readonly #decisions: DecisionRepository;

  constructor(ballots: BallotRepository, decisions: DecisionRepository) {
    this.#ballots = ballots;
    this.#decisions = decisions;
  }

  /** Voting members now (or organisations with one), or the count frozen when the round closed. */
  eligibleCount(round: RoundRecord): number {
    if (round.state === 'closed' && round.eligibleAtClose !== null) return round.eligibleAtClose;
    const organisations = this.#ballots.eligibleOrganisations(round.partnershipId);
    if (round.eligibility === 'voting-members') return organisations.length;
    return new Set(organisations.map(organisationKey)).size;
  }

  turnout(round: RoundRecord): Turnout {
    return { voted: this.#ballots.voterCount(round.id), eligible: this.eligibleCount(round) };
  }

  /** Whether the viewer (or their organisation) has a ballot in the round. */
  hasVoted(round: RoundRecord, viewer: RoundViewer): boolean {
    if (!viewer.membership) return false;
    return this.#ballots.hasVoted(round.id, voterKeyFor(round.eligibility, viewer.membership));
  }

  access(round: RoundRecord, viewer: RoundViewer): RoundAccess {
    const hasVoted = this.hasVoted(round, viewer);
    return {
      isEligible: viewer.membership?.isVotingMember === true,
      hasVoted,
      canSeeResults: round.state !== 'draft' && resultsVisibleTo(round, { hasVoted }),
      canRun: canRunRounds(viewer),
    };
  }

  /** The round as the API shows it (never with results). */
  describe(round: RoundRecord, viewer: RoundViewer): Round {
    return {
      id: round.id,
      partnershipId: round.partnershipId,
      title: round.title,
      question: round.question,
      candidates: round.candidates,
      settings: round.settings,
      visibility: round.visibility,
      anonymous: round.anonymous,
      eligibility: round.eligibility,
      quorum: round.quorum,
      closesAt: round.closesAt,
      state: round.state,
      createdAt: round.createdAt,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      followUpOf: round.followUpOf,
      turnout: this.turnout(round),
      version: round.version,
      hasDecision: this.#decisions.forRound(round.id) !== null,
      me: this.access(round, viewer),
    };
  }

  /** Counts the round from its stored ballots. Callers decide whether the caller may see it. */
  tally(round: RoundRecord, turnout: Turnout = this.turnout(round)): RoundResults {
    return tallyRound({
      roundId: round.id,
      state: round.state,
      settings: round.settings,
      candidates: round.candidates,
      ballots: this.#ballots.ballots(round.id),
      turnout,
      quorum: round.quorum,
    });
  }

  /** What every member may know about the round; null for drafts, which members do not see. */
  projection(round: RoundRecord): RoundProjection | null {
    if (round.state === 'draft') return null;
    const turnout = this.turnout(round);
    return {
      id: round.id,
      title: round.title,
      question: round.question,
      method: round.settings.method,
      state: round.state,
      anonymous: round.anonymous,
      visibility: round.visibility,
      eligibility: round.eligibility,
      closesAt: round.closesAt,
      openedAt: round.openedAt,
      closedAt: round.closedAt,
      followUpOf: round.followUpOf,
      hasDecision: this.#decisions.forRound(round.id) !== null,
      turnout,
      quorum: quorumFor(round.quorum, turnout),
      voters: round.anonymous ? null : this.voterNames(round),
      version: round.version,
      results: resultsVisibleToEveryone(round) ? this.tally(round, turnout) : null,
    };
  }

  /** Who has voted, by name (or organisation, when each casts one ballot), alphabetically. */
  voterNames(round: RoundRecord): string[] {
    return this.#ballots
      .voters(round.id)
      .map((voter) =>
        round.eligibility === 'one-per-organisation' ? voter.organisation : (voter.displayName ?? 'Former member'),
      )
      .sort((a, b) => a.localeCompare(b));
  }
}
