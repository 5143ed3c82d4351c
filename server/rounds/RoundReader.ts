import { roleCan } from '../../shared/model/roles.ts';
import type { RoundProjection } from '../../shared/model/prioritisation/projection.ts';
import { quorumFor, tallyRound } from '../../shared/model/prioritisation/tally.ts';
import { resultsVisibleTo, resultsVisibleToEveryone } from '../../shared/model/prioritisation/visibility.ts';
import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import type { Round, RoundAccess, Turnout } from '../../shared/schemas/rounds.ts';
import type { Membership } from '../store/repositories/PartnershipRepository.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import { organisationKey, voterKeyFor } from './ballotKeys.ts';

/** Who is asking: their account and their membership of the round's partnership (null for a non-member admin). */
export interface RoundViewer {
  userId: string;
  isAdmin: boolean;
  membership: Membership | null;
}

/** Someone who votes in a round, and the organisation they vote for there. */
export interface Elector {
  userId: string;
  organisation: string;
}

/** Whether the viewer may edit, open, close and decide rounds: facilitators, and administrators everywhere. */
export function canRunRounds(viewer: RoundViewer): boolean {
  return viewer.isAdmin || (viewer.membership !== null && roleCan(viewer.membership.role, 'rounds.run'));
}

/** Whether an open round's closing time has passed: it must be closed before anyone reads it or votes in it. */
export function isOverdue(round: Pick<RoundRecord, 'state' | 'closesAt'>): boolean {
  return round.state === 'open' && round.closesAt !== null && Date.parse(round.closesAt) <= Date.now();
}

/** The repositories the reader reads: the store's, or those of one open transaction. */
export type RoundReadSource = Pick<Repositories, 'ballots' | 'decisions'>;

/** Derived facts about rounds: turnout, what a viewer may do, the tally, the projection. Reads only. */
export class RoundReader {
  readonly #source: RoundReadSource;

  constructor(source: RoundReadSource) {
    this.#source = source;
  }

  /** The same reads through other repositories: inside a unit of work, pass its `tx`. */
  with(source: RoundReadSource): RoundReader {
    return new RoundReader(source);
  }

  /**
   * Who is eligible: once a round has opened, its electorate as frozen then (`round_electorate`), so membership
   * changes apply from the next round; for a draft, the voting members now (what opening it would freeze); for a
   * closed round, the count frozen when it closed.
   */
  async eligibleCount(round: RoundRecord): Promise<number> {
    if (round.state === 'closed' && round.eligibleAtClose !== null) return round.eligibleAtClose;
    const organisations =
      round.state === 'draft'
        ? await this.#source.ballots.eligibleOrganisations(round.partnershipId)
        : await this.#source.ballots.electorOrganisations(round.id);
    if (round.eligibility === 'voting-members') return organisations.length;
    return new Set(organisations.map(organisationKey)).size;
  }

  async turnout(round: RoundRecord): Promise<Turnout> {
    return { voted: await this.#source.ballots.voterCount(round.id), eligible: await this.eligibleCount(round) };
  }

  /**
   * The viewer as a voter of the round — with the organisation they vote for as frozen when it opened — or null when
   * they are not in its electorate (for a draft: not a voting member now).
   */
  async elector(round: RoundRecord, viewer: RoundViewer): Promise<Elector | null> {
    const { membership } = viewer;
    if (!membership) return null;
    if (round.state === 'draft') return membership.isVotingMember ? membership : null;
    const frozen = await this.#source.ballots.elector(round.id, viewer.userId);
    return frozen ? { userId: viewer.userId, organisation: frozen.organisation } : null;
  }

  /** The key the viewer's ballot is (or would be) under: by their frozen organisation when they are an elector. */
  async voterKey(round: RoundRecord, viewer: RoundViewer): Promise<string | null> {
    if (!viewer.membership) return null;
    return voterKeyFor(round.eligibility, (await this.elector(round, viewer)) ?? viewer.membership);
  }

  /** Whether the viewer (or their organisation) has a ballot in the round. */
  async hasVoted(round: RoundRecord, viewer: RoundViewer): Promise<boolean> {
    const voterKey = await this.voterKey(round, viewer);
    return voterKey !== null && this.#source.ballots.hasVoted(round.id, voterKey);
  }

  async access(round: RoundRecord, viewer: RoundViewer): Promise<RoundAccess> {
    const hasVoted = await this.hasVoted(round, viewer);
    return {
      isEligible: (await this.elector(round, viewer)) !== null,
      hasVoted,
      canSeeResults: round.state !== 'draft' && resultsVisibleTo(round, { hasVoted }),
      canRun: canRunRounds(viewer),
    };
  }

  /** The round as the API shows it (never with results). */
  async describe(round: RoundRecord, viewer: RoundViewer): Promise<Round> {
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
      turnout: await this.turnout(round),
      version: round.version,
      hasDecision: (await this.#source.decisions.forRound(round.id)) !== null,
      me: await this.access(round, viewer),
    };
  }

  /** Counts the round from its stored ballots. Callers decide whether the caller may see it. */
  async tally(round: RoundRecord, turnout?: Turnout): Promise<RoundResults> {
    return tallyRound({
      roundId: round.id,
      state: round.state,
      settings: round.settings,
      candidates: round.candidates,
      ballots: await this.#source.ballots.ballots(round.id),
      turnout: turnout ?? (await this.turnout(round)),
      quorum: round.quorum,
    });
  }

  /** What every member may know about the round; null for drafts, which members do not see. */
  async projection(round: RoundRecord): Promise<RoundProjection | null> {
    if (round.state === 'draft') return null;
    const turnout = await this.turnout(round);
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
      hasDecision: (await this.#source.decisions.forRound(round.id)) !== null,
      turnout,
      quorum: quorumFor(round.quorum, turnout),
      voters: round.anonymous ? null : await this.voterNames(round),
      version: round.version,
      results: resultsVisibleToEveryone(round) ? await this.tally(round, turnout) : null,
    };
  }

  /** Who has voted, by name (or organisation, when each casts one ballot), alphabetically. */
  async voterNames(round: RoundRecord): Promise<string[]> {
    return (await this.#source.ballots.voters(round.id))
      .map((voter) =>
        round.eligibility === 'one-per-organisation' ? voter.organisation : (voter.displayName ?? 'Former member'),
      )
      .sort((a, b) => a.localeCompare(b));
  }
}
