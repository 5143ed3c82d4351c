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
import type { AuditLog } from '../audit/AuditLog.ts';
import { HttpError, RateLimitedError } from '../http/errors.ts';
import type { SlidingWindowLimiter } from '../http/SlidingWindowLimiter.ts';
import type { Logger } from '../logger.ts';
import type { PartnershipRepository } from '../partnerships/PartnershipRepository.ts';
import { anchorProblem } from './anchorCheck.ts';
import type { CommentRepository } from './CommentRepository.ts';

/** Reads the server's copy of a partnership's workspace doc (loaded if need be). */
export type ReadWorkspaceDoc = <T>(partnershipId: string, read: (doc: Y.Doc) => T) => Promise<T>;
/** Writes into a partnership's comments projection doc; resolves once stored (and so broadcast). */
export type WriteCommentsDoc = (partnershipId: string, change: (doc: Y.Doc) => void) => Promise<void>;

export interface CommentServiceDeps {
  comments: CommentRepository;
  partnerships: PartnershipRepository;
  audit: AuditLog;
  readWorkspace: ReadWorkspaceDoc;
  writeCommentsDoc: WriteCommentsDoc;
  logger: Logger;
  /** Comments and replies per account in a window, so one account cannot flood a partnership. */
  postingLimit: SlidingWindowLimiter;
  now?: () => Date;
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
 * narrative or entity), stored in SQL, audited, then projected into `p:<id>:comments` for everyone to see live.
 */
export class CommentService {
  readonly #deps: CommentServiceDeps;

  constructor(deps: CommentServiceDeps) {
    this.#deps = deps;
  }

  /** Every thread of a partnership, oldest first. */
  list(partnershipId: string): CommentThread[] {
    return this.#deps.comments.threads(partnershipId);
  }

  /** The partnership a thread belongs to (for access rules on `/api/comment-threads/:threadId` routes). */
  partnershipOfThread(threadId: string): string | null {
    return this.#deps.comments.partnershipOfThread(threadId);
  }

  async createThread(partnershipId: string, by: Commenter, request: CreateThread): Promise<CommentThread> {
    this.#takePost(by);
    const problem = await this.#deps.readWorkspace(partnershipId, (doc) => anchorProblem(doc, request.anchor));
    if (problem) {
      throw new HttpError(422, 'invalid_anchor', problem, [{ path: ['anchor'], message: problem }]);
    }
    this.#checkMentions(partnershipId, request.mentions);
    const { threadId } = this.#deps.comments.createThread({
      partnershipId,
      anchor: request.anchor,
      authorId: by.userId,
      body: request.body,
      mentions: request.mentions,
      at: this.#now(),
    });
    this.#deps.audit.record({
      action: 'comment.thread_created',
      actorId: by.userId,
      partnershipId,
      target: threadId,
      details: this.#anchorDetails(request.anchor, request.mentions.length),
      ip: by.ip,
    });
    return this.#project(threadId);
  }

  async reply(threadId: string, by: Commenter, request: AddComment): Promise<CommentThread> {
    this.#takePost(by);
    const thread = this.#thread(threadId);
    this.#checkMentions(thread.partnershipId, request.mentions);
    this.#deps.comments.addComment({
      threadId,
      authorId: by.userId,
      body: request.body,
      mentions: request.mentions,
      at: this.#now(),
    });
    this.#deps.audit.record({
      action: 'comment.replied',
      actorId: by.userId,
      partnershipId: thread.partnershipId,
      target: threadId,
      details: { mentions: request.mentions.length },
      ip: by.ip,
    });
    return this.#project(threadId);
  }

  async setStatus(threadId: string, by: Commenter, status: 'open' | 'resolved'): Promise<CommentThread> {
    const thread = this.#thread(threadId);
    if (thread.status !== status) {
      this.#deps.comments.setStatus(threadId, status, by.userId, this.#now());
      this.#deps.audit.record({
        action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened',
        actorId: by.userId,
        partnershipId: thread.partnershipId,
        target: threadId,
        ip: by.ip,
      });
    }
    return this.#project(threadId);
  }

  /** My mentions inbox. */
  inbox(userId: string): MentionsInbox {
    return this.#deps.comments.inbox(userId);
  }

  /** Marks some (or all) of my mentions read; returns the inbox as it is now. */
  markRead(userId: string, ids: readonly string[] | undefined): MentionsInbox {
    this.#deps.comments.markRead(userId, ids, this.#now());
    return this.#deps.comments.inbox(userId);
  }

  #thread(threadId: string): CommentThread {
    const thread = this.#deps.comments.thread(threadId);
    if (!thread) throw new HttpError(404, 'not_found', 'There is no such comment thread.');
    return thread;
  }

  #checkMentions(partnershipId: string, userIds: readonly string[]): void {
    const strangers = userIds.filter((userId) => {
      const membership = this.#deps.partnerships.membership(partnershipId, userId);
      return !membership || !roleCan(membership.role, 'workspace.read');
    });
    if (strangers.length > 0) {
      const message = 'You can only mention members of this partnership.';
      throw new HttpError(422, 'invalid_mention', message, [{ path: ['mentions'], message }]);
    }
  }

  #anchorDetails(anchor: CreateThread['anchor'], mentions: number): Record<string, unknown> {
    return anchor.kind === 'text'
      ? { on: anchor.narrativeKey, mentions }
      : { on: `${anchor.entityKind}:${anchor.entityId}`, mentions };
  }

  // Every thread of the partnership as SQL has it now goes into the projection; unchanged ones are skipped, so this
  // costs one write of what changed, and a write that failed earlier is repaired by the next change.
  async #project(threadId: string): Promise<CommentThread> {
    const thread = this.#thread(threadId);
    const threads = this.#deps.comments.threads(thread.partnershipId);
    try {
      await this.#deps.writeCommentsDoc(thread.partnershipId, (doc) => {
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
  #takePost(by: Commenter): void {
    const waitMs = this.#deps.postingLimit.take(by.userId);
    if (waitMs === 0) return;
    const seconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new RateLimitedError(
      `You are posting comments faster than this workspace allows. Wait ${seconds} second${seconds === 1 ? '' : 's'}, then send it again.`,
      waitMs,
    );
  }
}
