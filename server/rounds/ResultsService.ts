import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import type { RoundVoters } from '../../shared/schemas/rounds.ts';
import { HttpError } from '../http/errors.ts';
import type { BallotRepository } from '../store/repositories/BallotRepository.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import { voterKeyFor } from './ballotKeys.ts';
import type { RoundReader, RoundViewer } from './RoundReader.ts';
import type { RoundService } from './RoundService.ts';
import { resultsCsv } from './resultsCsv.ts';

/** Results for those allowed to see them, the CSV export, and who has voted. */
export class ResultsService {
  readonly #roundService: RoundService;
  readonly #reader: RoundReader;
  readonly #ballots: BallotRepository;

  constructor(deps: { roundService: RoundService; reader: RoundReader; ballots: BallotRepository }) {
    this.#roundService = deps.roundService;
    this.#reader = deps.reader;
    this.#ballots = deps.ballots;
  }

  /**
   * The round's results, or 403 while they are hidden from the caller. The refusal names only the rule, never
   * anything counted.
   */
  async results(viewer: RoundViewer, roundId: string): Promise<RoundResults> {
    const round = await this.#roundService.current(roundId, viewer);
    if (!(await this.#reader.access(round, viewer)).canSeeResults) throw hidden(round);
    return this.#reader.tally(round);
  }

  /** The same results as a CSV file, under the same rule. */
  async csv(viewer: RoundViewer, roundId: string): Promise<{ filename: string; body: string }> {
    const results = await this.results(viewer, roundId);
    const round = await this.#roundService.current(roundId);
    const slug =
      round.title
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 60) || 'round';
    return { filename: `results-${slug}.csv`, body: resultsCsv(results) };
  }

  /**
   * Who has voted and who has not, for facilitators verifying turnout. In anonymous rounds the list is alphabetical
   * and carries no times (none is stored: `voted_at` is ''), so it cannot be lined up against the moments the live
   * tally moved.
   */
  async voters(roundId: string): Promise<RoundVoters> {
    const round = await this.#roundService.current(roundId);
    const voted = await this.#ballots.voters(round.id);
    const votedKeys = new Set(voted.map((voter) => voter.voterKey));
    // Once the round has opened, its electorate as frozen then (each with the organisation they vote for).
    const electorate =
      round.state === 'draft'
        ? await this.#ballots.eligibleMembers(round.partnershipId)
        : await this.#ballots.electors(round.id);
    const notVoted = electorate
      .filter((member) => !votedKeys.has(voterKeyFor(round.eligibility, member)))
      .map((member) => ({ name: member.displayName, organisation: member.organisation }));
    const list = voted.map((voter) => ({
      name: voter.displayName ?? 'Former member',
      organisation: voter.organisation,
      votedAt: round.anonymous ? null : voter.votedAt,
    }));
    list.sort((a, b) =>
      round.anonymous ? a.name.localeCompare(b.name) : (a.votedAt ?? '').localeCompare(b.votedAt ?? ''),
    );
    return { anonymous: round.anonymous, eligibility: round.eligibility, voted: list, notVoted };
  }
}

function hidden(round: RoundRecord): HttpError {
  const message =
    round.state === 'draft'
      ? 'Voting has not started yet, so there are no results.'
      : round.visibility === 'after-vote'
        ? 'Results are shown once you have voted.'
        : 'Results are shown when the round closes.';
  return new HttpError(403, 'results_hidden', message);
}
