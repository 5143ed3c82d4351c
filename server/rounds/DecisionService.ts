import { priorityKey, type PriorityProjection } from '../../shared/model/prioritisation/projection.ts';
import type { Decision, RecordDecisionRequest } from '../../shared/schemas/decisions.ts';
import { HttpError } from '../http/errors.ts';
import type { Notify } from '../mail/notifications.ts';
import type { DecisionRecord } from '../store/repositories/DecisionRepository.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { RoundProjector } from './RoundProjector.ts';
import type { RoundViewer } from './RoundReader.ts';
import type { RoundService } from './RoundService.ts';

export interface DecisionServiceDeps {
  store: Repositories;
  roundService: RoundService;
  projector: RoundProjector;
  /** Tells every member what was agreed (after it commits; never fails it). */
  notify?: Pick<Notify, 'decisionRecorded'> | undefined;
}

const notClosed = () => new HttpError(409, 'round_not_closed', 'Close the round before recording what was agreed');

/** The decision log: what a board agreed after a round, and the priority badges that follow from it. */
export class DecisionService {
  readonly #deps: DecisionServiceDeps;

  constructor(deps: DecisionServiceDeps) {
    this.#deps = deps;
  }

  /** Records (or corrects) the decision of a closed round. */
  async record(
    viewer: RoundViewer,
    roundId: string,
    request: RecordDecisionRequest,
    ip: string | null,
  ): Promise<Decision> {
    // Closes the round first if its time has passed.
    const round = await this.#deps.roundService.current(roundId);
    if (round.state !== 'closed') throw notClosed();
    const known = new Set(round.candidates.map((candidate) => candidate.id));
    const strangers = request.priorityCandidateIds.filter((id) => !known.has(id));
    if (strangers.length > 0) {
      throw new HttpError(400, 'invalid_request', 'Agreed priorities must be candidates of this round', [
        { path: ['priorityCandidateIds'], message: 'Agreed priorities must be candidates of this round' },
      ]);
    }
    const decision = await this.#deps.store.transaction(async (tx) => {
      // Claimed and checked again here: a reopen racing this decision either sees it or is seen as reopened.
      const locked = await tx.rounds.lockForUpdate(roundId);
      if (locked?.state !== 'closed') throw notClosed();
      const recorded = await tx.decisions.record({
        roundId,
        partnershipId: round.partnershipId,
        ...request,
        decidedById: viewer.userId,
      });
      await tx.audit.record({
        action: 'decision.recorded',
        actorId: viewer.userId,
        partnershipId: round.partnershipId,
        target: roundId,
        details: { priorities: request.priorityCandidateIds.length, reviewDate: request.reviewDate },
        ip,
      });
      return recorded;
    });
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    this.#deps.projector.prioritiesChanged(round.partnershipId);
    this.#deps.notify?.decisionRecorded({ roundId });
    return describe(decision, round);
  }

  async forRound(roundId: string): Promise<Decision | null> {
    const { store } = this.#deps;
    const decision = await store.decisions.forRound(roundId);
    if (!decision) return null;
    const round = await store.rounds.findById(decision.roundId);
    return round ? describe(decision, round) : null;
  }

  /** The partnership's decisions, newest first. */
  async list(partnershipId: string): Promise<Decision[]> {
    const { store } = this.#deps;
    const decisions = await store.decisions.forPartnership(partnershipId);
    if (decisions.length === 0) return [];
    const rounds = new Map((await store.rounds.listForPartnership(partnershipId)).map((round) => [round.id, round]));
    return decisions.flatMap((decision) => {
      const round = rounds.get(decision.roundId);
      return round ? [describe(decision, round)] : [];
    });
  }

  /** Every agreed priority; where two decisions name the same outcome, the later one is shown. */
  async priorities(partnershipId: string): Promise<PriorityProjection[]> {
    const byKey = new Map<string, PriorityProjection>();
    for (const decision of (await this.list(partnershipId)).reverse()) {
      for (const priority of decision.priorities) {
        byKey.set(priorityKey(priority.kind, priority.refId), {
          kind: priority.kind,
          refId: priority.refId,
          label: priority.label,
          roundId: decision.roundId,
          roundTitle: decision.roundTitle,
          decisionId: decision.id,
          decidedAt: decision.decidedAt,
          reviewDate: decision.reviewDate,
        });
      }
    }
    return [...byKey.values()];
  }
}

function describe(decision: DecisionRecord, round: RoundRecord): Decision {
  return {
    id: decision.id,
    roundId: decision.roundId,
    roundTitle: round.title,
    priorities: decision.priorityCandidateIds
      .map((id) => round.candidates.find((candidate) => candidate.id === id))
      .filter((candidate) => candidate !== undefined),
    statement: decision.statement,
    reviewDate: decision.reviewDate,
    decidedBy: decision.decidedByName,
    decidedAt: decision.decidedAt,
  };
}
