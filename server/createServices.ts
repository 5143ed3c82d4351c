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
import { NetworkAnalysisService } from './networks/NetworkAnalysisService.ts';
import type { MailAccess } from './mail/createMail.ts';
import { noNotifications, type Notify } from './mail/notifications.ts';
import { NotificationPreferences } from './mail/preferences.ts';
import { createNetworks, type Networks } from './networks/createNetworks.ts';
import type { WriteNetworkDoc } from './networks/networkSignal.ts';

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
  /** Emails about what happened (no-ops unless the server wires mail in). */
  notify: Notify;
  /** Notification preferences and the outbox's sending side, for the mail routes. */
  mail: MailAccess;
  /** Networks of places: membership, sharing, template versions and choices. */
  networks: Networks;
  /** What a network sees across its places: the common core, the data agenda, priorities and evidence. */
  networkAnalysis: NetworkAnalysisService;
}

export interface ServiceHooks {
  closeUserSockets: (match: UserSocketMatch) => void;
  closeMemberSockets: (partnershipId: string, userId: string) => void;
  initialiseWorkspace: (partnershipId: string, template: TemplateId, name: string) => Promise<void>;
  onAdminCreated: (user: User) => Promise<void>;
  /** Writes the server-only ballots projection doc; absent in route tests, which run without documents. */
  writeBallotsDoc?: WriteBallotsDoc;
  /** Writes a network's server-only signal doc; absent in route tests, which run without documents. */
  writeNetworkDoc?: WriteNetworkDoc;
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
  /** Emails about invitations, mentions, rounds, decisions and actions; absent (route tests): nothing is sent. */
  notify?: Notify;
  /** The outbox's sending side; absent: preferences over the store, no SMTP, nothing to nudge. */
  mail?: MailAccess;
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
  const notify = hooks.notify ?? noNotifications;
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
    notify,
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
    notify,
  });
  const networks = createNetworks({
    store: repositories,
    docs: workspaceDocs,
    logger,
    writeNetworkDoc: hooks.writeNetworkDoc,
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
      notify,
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
    notify,
    mail: hooks.mail ?? {
      preferences: new NotificationPreferences(repositories.mail),
      smtpConfigured: false,
      nudge: () => {},
    },
    networks,
    networkAnalysis: new NetworkAnalysisService({
      places: (networkId) => networks.service.places(networkId),
      versions: (networkId) => networks.templates.versions(networkId),
      choices: async (networkId) => (await networks.templates.choices(networkId)).choices,
      networkName: (networkId) => networks.service.networkName(networkId),
      docs: workspaceDocs,
      decisions: { forPartnership: (partnershipId) => prioritisation.decisions.list(partnershipId) },
      observations: {
        series: async (partnershipId, metricIds) => {
          const partnership = await repositories.partnerships.findById(partnershipId);
          if (!partnership) throw new Error(`no partnership ${partnershipId}`);
          return evidence.observations.series(partnership, metricIds);
        },
      },
    }),
  };
}
