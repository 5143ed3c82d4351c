import { priorityKey, type PriorityProjection } from '../../shared/model/prioritisation/projection.ts';
import type { Decision, RecordDecisionRequest } from '../../shared/schemas/decisions.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import { HttpError } from '../http/errors.ts';
import type { DecisionRecord, DecisionRepository } from './DecisionRepository.ts';
import type { RoundProjector } from './RoundProjector.ts';
import type { RoundViewer } from './RoundReader.ts';
import type { RoundRepository } from './RoundRepository.ts';
import type { RoundService } from './RoundService.ts';

export interface DecisionServiceDeps {
  rounds: RoundRepository;
  decisions: DecisionRepository;
  roundService: RoundService;
  audit: AuditLog;
  projector: RoundProjector;
}

/** The decision log: what a board agreed after a round, and the priority badges that follow from it. */
export class DecisionService {
  readonly #deps: DecisionServiceDeps;

  constructor(deps: DecisionServiceDeps) {
    this.#deps = deps;
  }

  /** Records (or corrects) the decision of a closed round. */
  record(viewer: RoundViewer, roundId: string, request: RecordDecisionRequest, ip: string | null): Decision {
    const round = this.#deps.roundService.current(roundId);
    if (round.state !== 'closed') {
      throw new HttpError(409, 'round_not_closed', 'Close the round before recording what was agreed');
    }
    const known = new Set(round.candidates.map((candidate) => candidate.id));
    const strangers = request.priorityCandidateIds.filter((id) => !known.has(id));
    if (strangers.length > 0) {
      throw new HttpError(400, 'invalid_request', 'Agreed priorities must be candidates of this round', [
        { path: ['priorityCandidateIds'], message: 'Agreed priorities must be candidates of this round' },
      ]);
    }
    const decision = this.#deps.decisions.record({
      roundId,
      partnershipId: round.partnershipId,
      ...request,
      decidedById: viewer.userId,
    });
    this.#deps.audit.record({
      action: 'decision.recorded',
      actorId: viewer.userId,
      partnershipId: round.partnershipId,
      target: roundId,
      details: { priorities: request.priorityCandidateIds.length, reviewDate: request.reviewDate },
      ip,
    });
    this.#deps.projector.roundChanged(round.partnershipId, roundId);
    this.#deps.projector.prioritiesChanged(round.partnershipId);
    return this.#describe(decision)!;
  }

  forRound(roundId: string): Decision | null {
    const decision = this.#deps.decisions.forRound(roundId);
    return decision ? this.#describe(decision) : null;
  }

  /** The partnership's decisions, newest first. */
  list(partnershipId: string): Decision[] {
    return this.#deps.decisions
      .forPartnership(partnershipId)
      .map((decision) => this.#describe(decision))
      .filter((decision): decision is Decision => decision !== null);
  }

  /** Every agreed priority; where two decisions name the same outcome, the later one is shown. */
  priorities(partnershipId: string): PriorityProjection[] {
    const byKey = new Map<string, PriorityProjection>();
    for (const decision of this.list(partnershipId).reverse()) {
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

  #describe(decision: DecisionRecord): Decision | null {
    const round = this.#deps.rounds.findById(decision.roundId);
    if (!round) return null;
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
}
