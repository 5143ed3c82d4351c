import type { Database } from 'better-sqlite3';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import type { AuditLog } from '../audit/AuditLog.ts';
import type { Logger } from '../logger.ts';
import { BallotRepository } from './BallotRepository.ts';
import { BallotService } from './BallotService.ts';
import { DecisionRepository } from './DecisionRepository.ts';
import { DecisionService } from './DecisionService.ts';
import { ResultsService } from './ResultsService.ts';
import { RoundClock } from './RoundClock.ts';
import { RoundProjector, type WriteBallotsDoc } from './RoundProjector.ts';
import { RoundReader } from './RoundReader.ts';
import { RoundRepository } from './RoundRepository.ts';
import { RoundService } from './RoundService.ts';

/** Everything prioritisation rounds need, wired together. */
export interface Prioritisation {
  rounds: RoundService;
  ballots: BallotService;
  results: ResultsService;
  decisions: DecisionService;
  projector: RoundProjector;
  /** The partnership a round belongs to (for access rules on `/api/rounds/:roundId` routes). */
  partnershipOfRound: (roundId: string) => string | null;
  /** Re-arms closing timers and closes rounds that fell due while the server was down. */
  start: () => void;
  /** Stops the timers and finishes writing the projection (shutdown, before documents unload). */
  stop: () => Promise<void>;
}

export interface PrioritisationDeps {
  db: Database;
  audit: AuditLog;
  logger: Logger;
  /** Writes into `p:<id>:ballots`; route tests without a collaboration server pass a no-op. */
  writeBallotsDoc: WriteBallotsDoc;
  /** The workspace docs candidates are checked against (in memory in route tests). */
  workspaceDocs: WorkspaceDocs;
}

/** Builds the prioritisation services over one database. */
export function createPrioritisation({
  db,
  audit,
  logger,
  writeBallotsDoc,
  workspaceDocs,
}: PrioritisationDeps): Prioritisation {
  const roundRepository = new RoundRepository(db);
  const ballotRepository = new BallotRepository(db);
  const decisionRepository = new DecisionRepository(db);
  const reader = new RoundReader(ballotRepository, decisionRepository);
  // The projector and the clock call back into services built after them.
  let rounds: RoundService | null = null;
  let decisions: DecisionService | null = null;
  const projector = new RoundProjector({
    write: writeBallotsDoc,
    projectionOf: (roundId) => {
      const round = roundRepository.findById(roundId);
      return round ? reader.projection(round) : null;
    },
    prioritiesOf: (partnershipId) => decisions?.priorities(partnershipId) ?? [],
    logger,
  });
  const clock = new RoundClock((roundId) => {
    try {
      const round = rounds?.current(roundId);
      // A timer may fire a moment before the stored closing time: wait for it again.
      if (round?.state === 'open') clock.arm(roundId, round.closesAt);
    } catch (error) {
      logger.error('closing a round at its time failed', { roundId, error });
    }
  });
  rounds = new RoundService({
    rounds: roundRepository,
    ballots: ballotRepository,
    decisions: decisionRepository,
    reader,
    audit,
    projector,
    clock,
    readWorkspace: (partnershipId, read) => workspaceDocs.read(partnershipId, read),
  });
  decisions = new DecisionService({
    rounds: roundRepository,
    decisions: decisionRepository,
    roundService: rounds,
    audit,
    projector,
  });
  const roundService = rounds;
  return {
    rounds: roundService,
    ballots: new BallotService({
      rounds: roundRepository,
      ballots: ballotRepository,
      roundService,
      reader,
      audit,
      projector,
    }),
    results: new ResultsService({ roundService, reader, ballots: ballotRepository }),
    decisions,
    projector,
    partnershipOfRound: (roundId) => roundRepository.partnershipOf(roundId),
    start: () => roundService.start(),
    stop: async () => {
      clock.stop();
      await projector.stop();
    },
  };
}
