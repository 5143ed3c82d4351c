import type { Kysely } from 'kysely';
import type { StoreKind } from './columnTypes.ts';
import type { DocStore } from './DocStore.ts';
import type { Tables } from './schema.ts';
import { createApiTokenRepository, type ApiTokenRepository } from './repositories/ApiTokenRepository.ts';
import { createAuditLog, type AuditLog } from './repositories/AuditLog.ts';
import { createBallotRepository, type BallotRepository } from './repositories/BallotRepository.ts';
import { createCommentRepository, type CommentRepository } from './repositories/CommentRepository.ts';
import { createDecisionRepository, type DecisionRepository } from './repositories/DecisionRepository.ts';
import { createInvitationRepository, type InvitationRepository } from './repositories/InvitationRepository.ts';
import {
  createIndicatorMetadataRepository,
  type IndicatorMetadataRepository,
} from './repositories/IndicatorMetadataRepository.ts';
import { createObservationRepository, type ObservationRepository } from './repositories/ObservationRepository.ts';
import { createPartnershipRepository, type PartnershipRepository } from './repositories/PartnershipRepository.ts';
import { createRoundRepository, type RoundRepository } from './repositories/RoundRepository.ts';
import {
  createSessionRepository,
  type SessionPolicy,
  type SessionRepository,
} from './repositories/SessionRepository.ts';
import { createSetupTokenRepository, type SetupTokenRepository } from './repositories/SetupTokenRepository.ts';
import { createUserRepository, type UserRepository } from './repositories/UserRepository.ts';
import { createMeetingRepository, type MeetingRepository } from './repositories/MeetingRepository.ts';
import { createBoardActionRepository, type BoardActionRepository } from './repositories/BoardActionRepository.ts';
import { createVersionRepository, type VersionRepository } from './repositories/VersionRepository.ts';
import { createDocAuthorRepository, type DocAuthorRepository } from './repositories/DocAuthorRepository.ts';
import { createNetworkRepository, type NetworkRepository } from './repositories/NetworkRepository.ts';
import { createMailRepository, type MailRepository } from './repositories/MailRepository.ts';

/** What every repository is built on: a query builder bound to the database (or to one open transaction). */
export interface SqlContext {
  db: Kysely<Tables>;
  kind: StoreKind;
}

/** One async repository per kind of record. The same set is handed to a unit of work, bound to its transaction. */
export interface Repositories {
  users: UserRepository;
  sessions: SessionRepository;
  tokens: ApiTokenRepository;
  setupTokens: SetupTokenRepository;
  partnerships: PartnershipRepository;
  invitations: InvitationRepository;
  audit: AuditLog;
  comments: CommentRepository;
  observations: ObservationRepository;
  indicatorMetadata: IndicatorMetadataRepository;
  rounds: RoundRepository;
  ballots: BallotRepository;
  decisions: DecisionRepository;
  meetings: MeetingRepository;
  boardActions: BoardActionRepository;
  versions: VersionRepository;
  docAuthors: DocAuthorRepository;
  networks: NetworkRepository;
  mail: MailRepository;
  /**
   * The unit of work: runs `work` in one transaction and hands it repositories bound to that transaction; when
   * `work` throws, every change it made through them is rolled back. Called on repositories that already belong to
   * a transaction, it runs `work` in that same transaction.
   *
   * Never await a document write (`rooms.transact`) inside `work`: on SQLite the transaction holds the one
   * connection that document writes also need.
   */
  transaction<T>(work: (tx: Repositories) => Promise<T>): Promise<T>;
}

/** The whole persistence layer of one server: repositories, documents, and the connection they share. */
export interface Store extends Repositories {
  readonly kind: StoreKind;
  readonly docs: DocStore;
  /** The query builder itself, for tools that work on whole tables (db:copy) and tests that inspect raw rows. */
  readonly db: Kysely<Tables>;
  /**
   * Runs `work` while holding an advisory lock, so that of several instances on one database only one runs it at a
   * time (the others wait their turn): on PostgreSQL `pg_advisory_lock(key)` on a connection kept for the duration
   * (one fewer in the pool meanwhile; the lock goes if that connection drops), on SQLite, which one process owns,
   * just `work`. Keys are named in `migrations.ts`. `work` uses the store as usual, not the lock's connection.
   */
  withAdvisoryLock<T>(key: number, work: () => Promise<T>): Promise<T>;
  /** Resolves when the database answers a trivial query (readiness), else rejects with the driver's reason. */
  ping(): Promise<void>;
  /** Closes the connection (SQLite file or PostgreSQL pool). */
  close(): Promise<void>;
}

export interface RepositoryOptions {
  session: SessionPolicy;
}

/** Builds every repository over `context`; `transaction` opens a unit of work (see {@link Repositories}). */
export function createRepositories(
  context: SqlContext,
  options: RepositoryOptions,
  inTransaction = false,
): Repositories {
  const repositories: Repositories = {
    users: createUserRepository(context),
    sessions: createSessionRepository(context, options.session),
    tokens: createApiTokenRepository(context),
    setupTokens: createSetupTokenRepository(context),
    partnerships: createPartnershipRepository(context),
    invitations: createInvitationRepository(context),
    audit: createAuditLog(context),
    comments: createCommentRepository(context),
    observations: createObservationRepository(context),
    indicatorMetadata: createIndicatorMetadataRepository(context),
    rounds: createRoundRepository(context),
    ballots: createBallotRepository(context),
    decisions: createDecisionRepository(context),
    meetings: createMeetingRepository(context),
    boardActions: createBoardActionRepository(context),
    versions: createVersionRepository(context),
    docAuthors: createDocAuthorRepository(context),
    networks: createNetworkRepository(context),
    mail: createMailRepository(context),
    transaction: (work) =>
      inTransaction
        ? work(repositories)
        : context.db
            .transaction()
            .execute((trx) => work(createRepositories({ db: trx, kind: context.kind }, options, true))),
  };
  return repositories;
}
