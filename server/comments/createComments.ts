import type { Database } from 'better-sqlite3';
import * as Y from 'yjs';
import type { AuditLog } from '../audit/AuditLog.ts';
import { defaultCommentsPerMinute } from '../config.ts';
import { SlidingWindowLimiter } from '../http/SlidingWindowLimiter.ts';
import type { Logger } from '../logger.ts';
import type { PartnershipRepository } from '../partnerships/PartnershipRepository.ts';
import { CommentRepository } from './CommentRepository.ts';
import { CommentService, type ReadWorkspaceDoc, type WriteCommentsDoc } from './CommentService.ts';

export interface CommentsDeps {
  db: Database;
  audit: AuditLog;
  partnerships: PartnershipRepository;
  logger: Logger;
  /** Route tests without a collaboration server leave these out: every workspace reads as empty, nothing is projected. */
  readWorkspace?: ReadWorkspaceDoc | undefined;
  writeCommentsDoc?: WriteCommentsDoc | undefined;
  /** Comments and replies one account may post in a minute (`COMMENTS_PER_MINUTE`). */
  commentsPerMinute?: number | undefined;
}

/** Reads every workspace as empty: for route tests that run without documents. */
export const emptyWorkspaces: ReadWorkspaceDoc = (_partnershipId, read) => Promise.resolve(read(new Y.Doc()));

/** Builds the comment service over one database. */
export function createComments(deps: CommentsDeps): CommentService {
  return new CommentService({
    comments: new CommentRepository(deps.db),
    partnerships: deps.partnerships,
    audit: deps.audit,
    logger: deps.logger,
    readWorkspace: deps.readWorkspace ?? emptyWorkspaces,
    writeCommentsDoc: deps.writeCommentsDoc ?? (() => Promise.resolve()),
    postingLimit: new SlidingWindowLimiter(deps.commentsPerMinute ?? defaultCommentsPerMinute, 60_000),
  });
}
