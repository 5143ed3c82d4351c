import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import {
  AddCommentRequestSchema,
  CommentThreadSchema,
  CreateThreadRequestSchema,
  MarkMentionsReadRequestSchema,
  MentionsInboxSchema,
} from '../../shared/schemas/comments.ts';
import type { CommentService } from '../comments/CommentService.ts';
import { defineRoute, type HandlerContext, type Route, type RouteAccess } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const ThreadParams = z.object({ threadId: z.uuid() });

// A passage at the very start of the Safe domain's narrative: valid in any partnership, even an empty one.
const exampleThread = {
  anchor: {
    kind: 'text' as const,
    narrativeKey: 'narrative:domain:safe',
    start: 'ARVuYXJyYXRpdmU6ZG9tYWluOnNhZmUA',
    end: 'ARVuYXJyYXRpdmU6ZG9tYWluOnNhZmUA',
    quote: 'Referrals to children’s social care',
  },
  body: 'Can we add the 2025 figures here?',
  mentions: [],
};

function commenterOf(context: Pick<HandlerContext<unknown, unknown, unknown>, 'principal' | 'ip'>) {
  return { userId: context.principal!.user.id, ip: context.ip };
}

/** Comment threads (created, answered, resolved only through here) and my mentions inbox. */
export function commentRoutes(comments: CommentService): Route[] {
  // Access to a thread is access to its partnership; an unknown thread answers 404 like a stranger's partnership.
  const onThread: RouteAccess = {
    kind: 'partnership',
    permission: 'comment',
    partnershipOf: async (params) => (params.threadId ? comments.partnershipOfThread(params.threadId) : null),
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/comment-threads',
      summary: 'Every comment thread of the partnership, oldest first (live copies arrive in `p:<id>:comments`)',
      tag: 'comments',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: (params) => params.id ?? null },
      params: PartnershipParams,
      response: z.array(CommentThreadSchema),
      handler: (context) => comments.list(context.partnership!.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/comment-threads',
      summary:
        'Start a thread on a passage of a narrative, an outcome, indicator, metric (its data mapping, its evidence in a period) or theory-of-change link',
      tag: 'comments',
      access: { kind: 'partnership', permission: 'comment', partnershipOf: (params) => params.id ?? null },
      params: PartnershipParams,
      body: CreateThreadRequestSchema,
      exampleBody: exampleThread,
      response: CommentThreadSchema,
      status: 201,
      handler: (context) => comments.createThread(context.partnership!.id, commenterOf(context), context.body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/comment-threads/:threadId/comments',
      summary: 'Reply in a thread, optionally mentioning members; my mentions in it are marked read',
      tag: 'comments',
      access: onThread,
      params: ThreadParams,
      body: AddCommentRequestSchema,
      exampleBody: { body: 'Added them — see the second paragraph.', mentions: [] },
      response: CommentThreadSchema,
      status: 201,
      handler: (context) => comments.reply(context.params.threadId, commenterOf(context), context.body),
    }),
    defineRoute({
      method: 'post',
      path: '/api/comment-threads/:threadId/resolve',
      summary: 'Mark a thread resolved (and my mentions in it read)',
      tag: 'comments',
      access: onThread,
      params: ThreadParams,
      response: CommentThreadSchema,
      handler: (context) => comments.setStatus(context.params.threadId, commenterOf(context), 'resolved'),
    }),
    defineRoute({
      method: 'post',
      path: '/api/comment-threads/:threadId/reopen',
      summary: 'Reopen a resolved thread (and mark my mentions in it read)',
      tag: 'comments',
      access: onThread,
      params: ThreadParams,
      response: CommentThreadSchema,
      handler: (context) => comments.setStatus(context.params.threadId, commenterOf(context), 'open'),
    }),
    defineRoute({
      method: 'get',
      path: '/api/me/mentions',
      summary: 'Comments that mention me, newest first, with how many I have not read',
      tag: 'comments',
      access: { kind: 'signedIn' },
      response: MentionsInboxSchema,
      handler: ({ principal }) => comments.inbox(principal!.user.id),
    }),
    defineRoute({
      method: 'post',
      path: '/api/me/mentions/read',
      summary: 'Mark some of my mentions read (all of them when no ids are given)',
      tag: 'comments',
      access: { kind: 'signedIn' },
      body: MarkMentionsReadRequestSchema,
      exampleBody: { ids: [] },
      response: MentionsInboxSchema,
      handler: ({ principal, body }) => comments.markRead(principal!.user.id, body.ids),
    }),
  ];
}
