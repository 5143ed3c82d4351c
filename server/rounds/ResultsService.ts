import { createHash } from 'node:crypto';
import type { Ballot, PublishedBallots } from '../../shared/schemas/ballots.ts';
import { reasonsByCandidate } from '../../shared/model/prioritisation/delphi.ts';
import { personMarks } from '../../shared/model/prioritisation/personMarks.ts';
import type { PersonBallot, RoundResults } from '../../shared/schemas/roundResults.ts';
import type { RoundVoters } from '../../shared/schemas/rounds.ts';
import { HttpError } from '../http/errors.ts';
import type { BallotRepository } from '../store/repositories/BallotRepository.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import { ballotKeyFor, voterKeyFor } from './ballotKeys.ts';
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
    const access = await this.#reader.access(round, viewer);
    if (!access.canSeeResults) throw hidden(round);
    const results = await this.#withReasons(round, await this.#reader.tally(round));
    // Who voted how is for those who run a named round. An anonymous round never answers it: its ballots are keyed
    // by an HMAC while open and by random keys once sealed, and nothing here may link one to a person.
    if (round.anonymous || !access.canRun) return results;
    return { ...results, byPerson: await this.#byPerson(round) };
  }

  /**
   * A closed follow-up round's reasons beside each candidate, alphabetically and without names. Never while open:
   * a reason appearing just after a name appears in the turnout would say whose it is.
   */
  async #withReasons(round: RoundRecord, results: RoundResults): Promise<RoundResults> {
    if (round.state !== 'closed' || round.followUpOf === null) return results;
    const reasons = reasonsByCandidate((await this.#ballots.ballots(round.id)).map((counted) => counted.ballot));
    return {
      ...results,
      candidates: results.candidates.map((result) => ({ ...result, reasons: reasons.get(result.candidateId) ?? [] })),
    };
  }

  /** Each voter's ballot in a named round (its key is the voter key itself). */
  async #byPerson(round: RoundRecord): Promise<PersonBallot[]> {
    const rows: PersonBallot[] = [];
    for (const voter of await this.#ballots.voters(round.id)) {
      const ballot = await this.#ballots.ballot(round.id, ballotKeyFor(voter.voterKey, null));
      if (!ballot || ballot.method !== round.settings.method) continue;
      rows.push({
        name: voter.displayName ?? 'Former member',
        organisation: voter.organisation,
        marks: personMarks(round.settings, round.candidates, ballot),
      });
    }
    // Listed as the screen shows them: by organisation when each casts one ballot, else by name.
    const byOrganisation = round.eligibility === 'one-per-organisation';
    return rows.sort((a, b) =>
      byOrganisation
        ? a.organisation.localeCompare(b.organisation) || a.name.localeCompare(b.name)
        : a.name.localeCompare(b.name) || a.organisation.localeCompare(b.organisation),
    );
  }

  /**
   * After close, every counted ballot beside its receipt hash (hash order: random, so it says nothing of who or when)
   * and everything a recount needs; the results are counted from exactly this list. Names are never in it; a named
   * round adds the organisation each ballot counted for, as its results do. Under the results' rule, and 409 while
   * the round is open (a list that could still change proves nothing).
   */
  async published(viewer: RoundViewer, roundId: string): Promise<PublishedBallots> {
    const round = await this.#roundService.current(roundId, viewer);
    if (round.state !== 'closed') {
      throw new HttpError(409, 'round_not_closed', 'The counted ballots are published when the round closes.');
    }
    if (!(await this.#reader.access(round, viewer)).canSeeResults) throw hidden(round);
    const ballots = (await this.#ballots.receipted(round.id)).map((counted) => ({
      receiptHash: counted.receiptHash,
      // Reasons are not counted, and beside a named round's organisation they would say whose they are: they are
      // published only with the results, alphabetically.
      ballot: withoutReasons(counted.ballot),
      organisation: round.anonymous ? null : counted.organisation,
    }));
    const turnout = await this.#reader.turnout(round);
    return {
      roundId: round.id,
      title: round.title,
      anonymous: round.anonymous,
      eligibility: round.eligibility,
      settings: round.settings,
      candidates: round.candidates,
      turnout,
      quorum: round.quorum,
      ballots,
      results: await this.#reader.tally(round, turnout),
      digest: createHash('sha256').update(JSON.stringify(ballots)).digest('hex'),
    };
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

function withoutReasons(ballot: Ballot): Ballot {
  const { reasons: _reasons, ...counted } = ballot;
  return counted;
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
