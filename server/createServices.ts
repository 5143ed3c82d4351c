import type { User } from '../shared/schemas/auth.ts';
import { AccountService, type UserSocketMatch } from './accounts/AccountService.ts';
import { FirstRun } from './accounts/FirstRun.ts';
import { createAuthenticator, type Authenticator } from './auth/authenticate.ts';
import type { Lease } from './cluster/RedisLease.ts';
import type { RateLimiterFactory } from './http/RateLimiter.ts';
import { RoundEvidenceService } from './rounds/RoundEvidenceService.ts';
import { memoryLimiters } from './http/SlidingWindowLimiter.ts';
import { PartnershipService } from './partnerships/PartnershipService.ts';
import type { Repositories } from './store/Store.ts';
import { createPrioritisation, type Prioritisation } from './rounds/createPrioritisation.ts';
import { createComments, emptyWorkspaces } from './comments/createComments.ts';
import { NeedsAssessmentService } from './needsAssessment/NeedsAssessmentService.ts';
import type { CommentService, ReadWorkspaceDoc, WriteCommentsDoc } from './comments/CommentService.ts';
import { FrameworkService } from './framework/FrameworkService.ts';
import { createEvidence, type Evidence } from './evidence/createEvidence.ts';
import { memoryWorkspaceDocs, type WorkspaceDocs } from './workspace/workspaceDocAccess.ts';
import type { WriteBallotsDoc } from './rounds/RoundProjector.ts';
import { silentLogger, type Logger } from './logger.ts';
import type { TemplateId } from '../shared/schemas/partnerships.ts';
import { createCycles, type Cycles } from './cycles/createCycles.ts';

/** The services routes call, over the store's repositories, wired to what they must trigger elsewhere. */
export interface Services {
  /** The repositories the services run on (routes that only read or write one record use them directly). */
  store: Repositories;
  authenticator: Authenticator;
  accounts: AccountService;
  partnershipService: PartnershipService;
  firstRun: FirstRun;
  prioritisation: Prioritisation;
  framework: FrameworkService;
  evidence: Evidence;
  comments: CommentService;
  needsAssessment: NeedsAssessmentService;
  cycles: Cycles;
  /** The evidence beside each candidate of a round (reads rounds, the workspace doc and observations). */
  roundEvidence: RoundEvidenceService;
}

export interface ServiceHooks {
  closeUserSockets: (match: UserSocketMatch) => void;
  closeMemberSockets: (partnershipId: string, userId: string) => void;
  initialiseWorkspace: (partnershipId: string, template: TemplateId, name: string) => Promise<void>;
  onAdminCreated: (user: User) => Promise<void>;
  /** Writes the server-only ballots projection doc; absent in route tests, which run without documents. */
  writeBallotsDoc?: WriteBallotsDoc;
  /** Reads the server's copy of a workspace doc (comment anchors are checked against it); absent in route tests. */
  readWorkspaceDoc?: ReadWorkspaceDoc;
  /** Writes the server-only comments projection doc; absent in route tests. */
  writeCommentsDoc?: WriteCommentsDoc;
  /** Reads and writes workspace docs (imports); route tests without a collaboration server get docs in memory. */
  workspaceDocs?: WorkspaceDocs;
  /** Comments and replies one account may post in a minute (`COMMENTS_PER_MINUTE`). */
  commentsPerMinute?: number;
  logger?: Logger;
  /**
   * Where sign-in throttles and the comment posting limit are counted: in memory unless given (Redis in cluster
   * mode, so that every instance counts against one limit).
   */
  limiters?: RateLimiterFactory;
  /** Which of several instances closes a round at its time (cluster mode); one instance needs none. */
  lease?: Lease;
}

const loginWindowMs = 15 * 60_000;

export function createServices(repositories: Repositories, hooks: ServiceHooks): Services {
  // One set of docs for every service, so route tests without sockets see each other's changes.
  const workspaceDocs = hooks.workspaceDocs ?? memoryWorkspaceDocs();
  const limiters = hooks.limiters ?? memoryLimiters;
  const accounts = new AccountService({
    users: repositories.users,
    sessions: repositories.sessions,
    tokens: repositories.tokens,
    partnerships: repositories.partnerships,
    audit: repositories.audit,
    accountThrottle: limiters('sign-in-account', 10, loginWindowMs),
    accountCeiling: limiters('sign-in-account-ceiling', 50, loginWindowMs),
    addressThrottle: limiters('sign-in-address', 100, loginWindowMs),
    closeSockets: hooks.closeUserSockets,
  });
  const logger = hooks.logger ?? silentLogger;
  const partnershipService = new PartnershipService({
    store: repositories,
    initialiseWorkspace: hooks.initialiseWorkspace,
    closeMemberSockets: hooks.closeMemberSockets,
  });
  // Cycles read decisions from prioritisation, and a closing round takes a version through cycles.
  let cycles: Cycles | null = null;
  const prioritisation = createPrioritisation({
    store: repositories,
    logger,
    writeBallotsDoc: hooks.writeBallotsDoc ?? (() => Promise.resolve()),
    workspaceDocs,
    onRoundClosed: (round, closedBy) =>
      cycles?.roundClosed(round.partnershipId, round.id, round.title, closedBy) ?? Promise.resolve(),
    lease: hooks.lease,
    limiters,
  });
  const evidence = createEvidence({ store: repositories, docs: workspaceDocs });
  cycles = createCycles({
    store: repositories,
    docs: workspaceDocs,
    decisions: prioritisation.decisions,
    observations: evidence.observations,
    partnerships: partnershipService,
    logger,
    limiters,
  });
  return {
    store: repositories,
    authenticator: createAuthenticator(repositories.users, repositories.sessions, repositories.tokens),
    accounts,
    partnershipService,
    firstRun: new FirstRun(repositories, accounts, hooks.onAdminCreated),
    prioritisation,
    comments: createComments({
      store: repositories,
      logger,
      readWorkspace: hooks.readWorkspaceDoc,
      writeCommentsDoc: hooks.writeCommentsDoc,
      commentsPerMinute: hooks.commentsPerMinute,
      limiters,
    }),
    needsAssessment: new NeedsAssessmentService(hooks.readWorkspaceDoc ?? emptyWorkspaces),
    framework: new FrameworkService({
      docs: workspaceDocs,
      audit: repositories.audit,
      lossContext: async (partnershipId) => ({
        priorities: await prioritisation.decisions.priorities(partnershipId),
        observationsByMetric: new Map(
          (await repositories.observations.overview(partnershipId)).map((row) => [row.metricId, row.observations]),
        ),
      }),
    }),
    evidence,
    cycles,
    roundEvidence: new RoundEvidenceService({
      rounds: prioritisation.rounds,
      docs: workspaceDocs,
      observations: evidence.observations,
      partnerships: repositories.partnerships,
    }),
  };
}
