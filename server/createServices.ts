import type { Database } from 'better-sqlite3';
import type { User } from '../shared/schemas/auth.ts';
import { AccountService, type UserSocketMatch } from './accounts/AccountService.ts';
import { ApiTokenRepository } from './accounts/ApiTokenRepository.ts';
import { FirstRun } from './accounts/FirstRun.ts';
import { SessionRepository, type SessionPolicy } from './accounts/SessionRepository.ts';
import { UserRepository } from './accounts/UserRepository.ts';
import { AuditLog } from './audit/AuditLog.ts';
import { createAuthenticator, type Authenticator } from './auth/authenticate.ts';
import { SlidingWindowLimiter } from './http/SlidingWindowLimiter.ts';
import { InvitationRepository } from './partnerships/InvitationRepository.ts';
import { PartnershipRepository } from './partnerships/PartnershipRepository.ts';
import { PartnershipService } from './partnerships/PartnershipService.ts';
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

/** Storage-level pieces: no dependency on sockets, so the collaboration server can use them. */
export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  partnerships: PartnershipRepository;
  invitations: InvitationRepository;
  audit: AuditLog;
  authenticator: Authenticator;
}

export function createRepositories(db: Database, sessionPolicy: SessionPolicy): Repositories {
  const users = new UserRepository(db);
  const sessions = new SessionRepository(db, sessionPolicy);
  const tokens = new ApiTokenRepository(db);
  return {
    users,
    sessions,
    tokens,
    partnerships: new PartnershipRepository(db),
    invitations: new InvitationRepository(db),
    audit: new AuditLog(db),
    authenticator: createAuthenticator(users, sessions, tokens),
  };
}

/** The services routes call, wired to what they must trigger elsewhere (closing sockets, filling documents). */
export interface Services extends Repositories {
  accounts: AccountService;
  partnershipService: PartnershipService;
  firstRun: FirstRun;
  prioritisation: Prioritisation;
  framework: FrameworkService;
  evidence: Evidence;
  comments: CommentService;
  needsAssessment: NeedsAssessmentService;
}

export interface ServiceHooks {
  closeUserSockets: (match: UserSocketMatch) => void;
  closeMemberSockets: (partnershipId: string, userId: string) => void;
  initialiseWorkspace: (partnershipId: string, template: TemplateId, name: string) => Promise<void>;
  onAdminCreated: (user: User) => void;
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
}

const loginWindowMs = 15 * 60_000;

export function createServices(db: Database, repositories: Repositories, hooks: ServiceHooks): Services {
  // One set of docs for every service, so route tests without sockets see each other's changes.
  const workspaceDocs = hooks.workspaceDocs ?? memoryWorkspaceDocs();
  const accounts = new AccountService({
    users: repositories.users,
    sessions: repositories.sessions,
    tokens: repositories.tokens,
    partnerships: repositories.partnerships,
    audit: repositories.audit,
    accountThrottle: new SlidingWindowLimiter(10, loginWindowMs),
    accountCeiling: new SlidingWindowLimiter(50, loginWindowMs),
    addressThrottle: new SlidingWindowLimiter(100, loginWindowMs),
    closeSockets: hooks.closeUserSockets,
  });
  return {
    ...repositories,
    accounts,
    partnershipService: new PartnershipService({
      partnerships: repositories.partnerships,
      invitations: repositories.invitations,
      audit: repositories.audit,
      initialiseWorkspace: hooks.initialiseWorkspace,
      closeMemberSockets: hooks.closeMemberSockets,
    }),
    firstRun: new FirstRun(db, repositories.users, accounts, hooks.onAdminCreated),
    prioritisation: createPrioritisation({
      db,
      audit: repositories.audit,
      logger: hooks.logger ?? silentLogger,
      writeBallotsDoc: hooks.writeBallotsDoc ?? (() => Promise.resolve()),
      workspaceDocs,
    }),
    comments: createComments({
      db,
      audit: repositories.audit,
      partnerships: repositories.partnerships,
      logger: hooks.logger ?? silentLogger,
      readWorkspace: hooks.readWorkspaceDoc,
      writeCommentsDoc: hooks.writeCommentsDoc,
      commentsPerMinute: hooks.commentsPerMinute,
    }),
    needsAssessment: new NeedsAssessmentService(hooks.readWorkspaceDoc ?? emptyWorkspaces),
    framework: new FrameworkService({ docs: workspaceDocs, audit: repositories.audit }),
    evidence: createEvidence({ db, docs: workspaceDocs, audit: repositories.audit }),
  };
}
