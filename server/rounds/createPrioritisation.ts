import type { Lease } from '../cluster/RedisLease.ts';
import type { RateLimiterFactory } from '../http/RateLimiter.ts';
import { memoryLimiters } from '../http/SlidingWindowLimiter.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import type { Logger } from '../logger.ts';
import type { Notify } from '../mail/notifications.ts';
import type { RoundRecord } from '../store/repositories/RoundRepository.ts';
import type { Repositories } from '../store/Store.ts';
import { BallotService } from './BallotService.ts';
import { DecisionService } from './DecisionService.ts';
import { ResultsService } from './ResultsService.ts';
import { RoundClock } from './RoundClock.ts';
import { RoundProjector, type WriteBallotsDoc } from './RoundProjector.ts';
import { RoundReader } from './RoundReader.ts';
import { RoundService } from './RoundService.ts';

/** Everything prioritisation rounds need, wired together. */
export interface Prioritisation {
  rounds: RoundService;
  ballots: BallotService;
  results: ResultsService;
  decisions: DecisionService;
  projector: RoundProjector;
  /** The partnership a round belongs to (for access rules on `/api/rounds/:roundId` routes). */
  partnershipOfRound: (roundId: string) => Promise<string | null>;
  /** Re-arms closing timers and closes rounds that fell due while the server was down. */
  start: () => Promise<void>;
  /** Stops the timers, waits for closings under way and finishes writing the projection (shutdown, before documents unload and the store closes). */
  stop: () => Promise<void>;
}

export interface PrioritisationDeps {
  /** The store's repositories (rounds, ballots, decisions, audit) and their unit of work. */
  store: Repositories;
  logger: Logger;
  /** Writes into `p:<id>:ballots`; route tests without a collaboration server pass a no-op. */
  writeBallotsDoc: WriteBallotsDoc;
  /** The workspace docs candidates are checked against (in memory in route tests). */
  workspaceDocs: WorkspaceDocs;
  /** Called once a round's close has committed (board cycles take a version then); must not throw. */
  onRoundClosed?: (round: RoundRecord, closedBy: string | null) => Promise<void>;
  /** Decides which of several instances closes a round at its time (cluster mode); one instance needs none. */
  lease?: Lease | undefined;
  /** Where the ballot change limit is counted: in memory unless given (Redis in cluster mode). */
  limiters?: RateLimiterFactory | undefined;
  /** Ballots one account may cast or change per round in a minute (default 30); more answer 429. */
  ballotsPerMinute?: number | undefined;
  /** Emails the electorate when a round opens and members when a decision is recorded (optional). */
  notify?: Pick<Notify, 'roundOpened' | 'decisionRecorded'> | undefined;
}

/** Casts and changes per voter and round in a minute: far more than anyone deciding needs, too few to flood. */
export const defaultBallotsPerMinute = 30;

/** Builds the prioritisation services over one store. */
export function createPrioritisation({
  store,
  logger,
  writeBallotsDoc,
  workspaceDocs,
  onRoundClosed,
  lease,
  limiters,
  ballotsPerMinute,
  notify,
}: PrioritisationDeps): Prioritisation {
  const reader = new RoundReader(store);
  // The projector and the clock call back into services built after them.
  let rounds: RoundService | null = null;
  let decisions: DecisionService | null = null;
  const projector = new RoundProjector({
    write: writeBallotsDoc,
    projectionOf: async (roundId) => {
      const round = await store.rounds.findById(roundId);
      return round ? reader.projection(round) : null;
    },
    prioritiesOf: async (partnershipId) => (decisions ? decisions.priorities(partnershipId) : []),
    logger,
  });
  // Errors are caught and logged by the clock.
  const clock = new RoundClock(
    async (roundId) => {
      const round = await rounds?.current(roundId);
      // A timer may fire a moment before the stored closing time: wait for it again.
      if (round?.state === 'open') clock.arm(roundId, round.closesAt);
    },
    logger,
    { lease },
  );
  const roundService = new RoundService({
    store,
    reader,
    projector,
    clock,
    logger,
    readWorkspace: (partnershipId, read) => workspaceDocs.read(partnershipId, read),
    onClosed: onRoundClosed,
    notify,
  });
  rounds = roundService;
  decisions = new DecisionService({ store, roundService, projector, notify });
  return {
    rounds: roundService,
    ballots: new BallotService({
      store,
      roundService,
      reader,
      projector,
      changeLimit: (limiters ?? memoryLimiters)('ballot-changes', ballotsPerMinute ?? defaultBallotsPerMinute, 60_000),
    }),
    results: new ResultsService({ roundService, reader, ballots: store.ballots }),
    decisions,
    projector,
    partnershipOfRound: (roundId) => store.rounds.partnershipOf(roundId),
    start: () => roundService.start(),
    stop: async () => {
      await clock.stop();
      await projector.stop();
    },
  };
}
