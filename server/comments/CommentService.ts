import type * as Y from 'yjs';
import { writeThread } from '../../shared/model/comments/projection.ts';
import { roleCan } from '../../shared/model/roles.ts';
import type {
  AddCommentRequestSchema,
  CommentThread,
  CreateThreadRequestSchema,
  MentionsInbox,
} from '../../shared/schemas/comments.ts';
import type { z } from 'zod';
import { HttpError, RateLimitedError } from '../http/errors.ts';
import type { RateLimiter } from '../http/RateLimiter.ts';
import type { Logger } from '../logger.ts';
import type { Notify } from '../mail/notifications.ts';
import type { Repositories } from '../store/Store.ts';
import { anchorProblem, entityAnchorKey } from './anchorCheck.ts';

/** Reads the server's copy of a partnership's workspace doc (loaded if need be). */
export type ReadWorkspaceDoc = <T>(partnershipId: string, read: (doc: Y.Doc) => T) => Promise<T>;
/** Writes into a partnership's comments projection doc; resolves once stored (and so broadcast). */
export type WriteCommentsDoc = (partnershipId: string, change: (doc: Y.Doc) => void) => Promise<void>;

export interface CommentServiceDeps {
  /** Comments, partnerships (mentions must be members) and the audit log, and the unit of work over them. */
  store: Repositories;
  readWorkspace: ReadWorkspaceDoc;
  writeCommentsDoc: WriteCommentsDoc;
  logger: Logger;
  /** Comments and replies per account in a window, so one account cannot flood a partnership. */
  postingLimit: RateLimiter;
  now?: () => Date;
  /** Emails the people a comment mentions, after it commits (never fails the comment). */
  notify?: Pick<Notify, 'mentioned'> | undefined;
}

/** Who is commenting: checked for the `comment` permission by the route before the service is called. */
export interface Commenter {
  userId: string;
  ip: string | null;
}

type CreateThread = z.output<typeof CreateThreadRequestSchema>;
type AddComment = z.output<typeof AddCommentRequestSchema>;

/**
 * Comment threads: validated against the server's copy of the workspace (an anchor must name this partnership's
 * narrative or entity), stored in SQL and audited in one transaction, then (once committed) projected into
 * `p:<id>:comments` for everyone to see live.
 */
export class CommentService {
  readonly #deps: CommentServiceDeps;

  constructor(deps: CommentServiceDeps) {
    this.#deps = deps;
  }

  /** Every thread of a partnership, oldest first. */
  list(partnershipId: string): Promise<CommentThread[]> {
    return this.#deps.store.comments.threads(partnershipId);
  }

  /** The partnership a thread belongs to (for access rules on `/api/comment-threads/:threadId` routes). */
  partnershipOfThread(threadId: string): Promise<string | null> {
    return this.#deps.store.comments.partnershipOfThread(threadId);
  }

  async createThread(partnershipId: string, by: Commenter, request: CreateThread): Promise<CommentThread> {
    await this.#takePost(by);
    // The workspace is read before the transaction: loading it may need the database connection.
    const problem = await this.#deps.readWorkspace(partnershipId, (doc) => anchorProblem(doc, request.anchor));
    if (problem) {
      throw new HttpError(422, 'invalid_anchor', problem, [{ path: ['anchor'], message: problem }]);
    }
    const threadId = await this.#deps.store.transaction(async (tx) => {
      await checkMentions(tx, partnershipId, request.mentions);
      const created = await tx.comments.createThread({
        partnershipId,
        anchor: request.anchor,
        authorId: by.userId,
        body: request.body,
        mentions: request.mentions,
        at: this.#now(),
      });
      await tx.audit.record({
        action: 'comment.thread_created',
        actorId: by.userId,
        partnershipId,
        target: created.threadId,
        details: this.#anchorDetails(request.anchor, request.mentions.length),
        ip: by.ip,
      });
      return created.threadId;
    });
    this.#mentioned(partnershipId, by, request);
    return this.#project(partnershipId, threadId);
  }

  async reply(threadId: string, by: Commenter, request: AddComment): Promise<CommentThread> {
    await this.#takePost(by);
    const partnershipId = await this.#deps.store.transaction(async (tx) => {
      const thread = await threadOrNotFound(tx, threadId);
      await checkMentions(tx, thread.partnershipId, request.mentions);
      await tx.comments.addComment({
        threadId,
        authorId: by.userId,
        body: request.body,
        mentions: request.mentions,
        at: this.#now(),
      });
      // Replying is reading: my mentions in this thread stop counting as unread.
      await tx.comments.markThreadRead(by.userId, threadId, this.#now());
      await tx.audit.record({
        action: 'comment.replied',
        actorId: by.userId,
        partnershipId: thread.partnershipId,
        target: threadId,
        details: { mentions: request.mentions.length },
        ip: by.ip,
      });
      return thread.partnershipId;
    });
    this.#mentioned(partnershipId, by, request);
    return this.#project(partnershipId, threadId);
  }

  async setStatus(threadId: string, by: Commenter, status: 'open' | 'resolved'): Promise<CommentThread> {
    const partnershipId = await this.#deps.store.transaction(async (tx) => {
      const thread = await threadOrNotFound(tx, threadId);
      // Resolving or reopening a thread means having read it: my mentions in it stop counting as unread.
      await tx.comments.markThreadRead(by.userId, threadId, this.#now());
      if (thread.status !== status) {
        await tx.comments.setStatus(threadId, status, by.userId, this.#now());
        await tx.audit.record({
          action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened',
          actorId: by.userId,
          partnershipId: thread.partnershipId,
          target: threadId,
          ip: by.ip,
        });
      }
      return thread.partnershipId;
    });
    return this.#project(partnershipId, threadId);
  }

  /** My mentions inbox. */
  inbox(userId: string): Promise<MentionsInbox> {
    return this.#deps.store.comments.inbox(userId);
  }

  /** Marks some (or all) of my mentions read; returns the inbox as it is now. */
  async markRead(userId: string, ids: readonly string[] | undefined): Promise<MentionsInbox> {
    await this.#deps.store.comments.markRead(userId, ids, this.#now());
    return this.#deps.store.comments.inbox(userId);
  }

  #mentioned(partnershipId: string, by: Commenter, comment: { body: string; mentions: readonly string[] }): void {
    if (comment.mentions.length === 0) return;
    this.#deps.notify?.mentioned({ partnershipId, authorId: by.userId, userIds: comment.mentions, body: comment.body });
  }

  #anchorDetails(anchor: CreateThread['anchor'], mentions: number): Record<string, unknown> {
    return anchor.kind === 'text' ? { on: anchor.narrativeKey, mentions } : { on: entityAnchorKey(anchor), mentions };
  }

  // Every thread of the partnership as SQL has it now goes into the projection; unchanged ones are skipped, so this
  // costs one write of what changed, and a write that failed earlier is repaired by the next change. Called after
  // the transaction committed: a document write must never wait inside one.
  async #project(partnershipId: string, threadId: string): Promise<CommentThread> {
    const threads = await this.#deps.store.comments.threads(partnershipId);
    const thread = threads.find((each) => each.id === threadId);
    if (!thread) throw new HttpError(404, 'not_found', 'There is no such comment thread.');
    try {
      await this.#deps.writeCommentsDoc(partnershipId, (doc) => {
        for (const each of threads) writeThread(doc, each);
      });
    } catch (error) {
      this.#deps.logger.error('writing the comments projection failed', { threadId, error });
    }
    return thread;
  }

  #now(): string {
    return (this.#deps.now?.() ?? new Date()).toISOString();
  }

  /** Counts a post against the account's limit before any work is done; 429 once the limit is reached. */
  async #takePost(by: Commenter): Promise<void> {
    const waitMs = await this.#deps.postingLimit.take(by.userId);
    if (waitMs === 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RateLimitedError(
      `You are posting comments faster than this workspace allows. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then send it again.`,
      waitMs,
    );
  }
}

async function threadOrNotFound(store: Repositories, threadId: string): Promise<CommentThread> {
  const thread = await store.comments.thread(threadId);
  if (!thread) throw new HttpError(404, 'not_found', 'There is no such comment thread.');
  return thread;
}

/** Only members who can read the workspace may be mentioned; 422 naming the field otherwise. */
async function checkMentions(store: Repositories, partnershipId: string, userIds: readonly string[]): Promise<void> {
  for (const userId of userIds) {
    const membership = await store.partnerships.membership(partnershipId, userId);
    if (!membership || !roleCan(membership.role, 'workspace.read')) {
      const message = 'You can only mention members of this partnership.';
      throw new HttpError(422, 'invalid_mention', message, [{ path: ['mentions'], message }]);
    }
  }
}
