import * as Y from 'yjs';
import { defaultCommentsPerMinute } from '../config.ts';
import type { RateLimiterFactory } from '../http/RateLimiter.ts';
import { memoryLimiters } from '../http/SlidingWindowLimiter.ts';
import type { Logger } from '../logger.ts';
import type { Notify } from '../mail/notifications.ts';
import type { Repositories } from '../store/Store.ts';
import { CommentService, type ReadWorkspaceDoc, type WriteCommentsDoc } from './CommentService.ts';

export interface CommentsDeps {
  /** The store's repositories (comments, partnerships, audit) and its unit of work. */
  store: Repositories;
  logger: Logger;
  /** Route tests without a collaboration server leave these out: every workspace reads as empty, nothing is projected. */
  readWorkspace?: ReadWorkspaceDoc | undefined;
  writeCommentsDoc?: WriteCommentsDoc | undefined;
  /** Comments and replies one account may post in a minute (`COMMENTS_PER_MINUTE`). */
  commentsPerMinute?: number | undefined;
  /** Where the posting limit is counted: in memory unless given (Redis, with several instances). */
  limiters?: RateLimiterFactory | undefined;
  /** Emails the people a comment mentions (optional: nothing is sent without it). */
  notify?: Pick<Notify, 'mentioned'> | undefined;
}

/** Reads every workspace as empty: for route tests that run without documents. */
export const emptyWorkspaces: ReadWorkspaceDoc = (_partnershipId, read) => Promise.resolve(read(new Y.Doc()));

/** Builds the comment service over the store. */
export function createComments(deps: CommentsDeps): CommentService {
  return new CommentService({
    store: deps.store,
    logger: deps.logger,
    readWorkspace: deps.readWorkspace ?? emptyWorkspaces,
    writeCommentsDoc: deps.writeCommentsDoc ?? (() => Promise.resolve()),
    notify: deps.notify,
    postingLimit: (deps.limiters ?? memoryLimiters)(
      'comments',
      deps.commentsPerMinute ?? defaultCommentsPerMinute,
      60_000,
    ),
  });
}
