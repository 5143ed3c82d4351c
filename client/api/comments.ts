import {
  CommentThreadSchema,
  MentionsInboxSchema,
  type AddCommentRequest,
  type CommentThread,
  type CreateThreadRequest,
  type MentionsInbox,
} from '../../shared/schemas/comments.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** Starts a thread on a passage or an item of the framework. */
export function createThread(partnershipId: string, request: CreateThreadRequest): Promise<CommentThread> {
  return apiRequest('POST', `/api/partnerships/${segment(partnershipId)}/comment-threads`, {
    body: request,
    schema: CommentThreadSchema,
  });
}

/** Replies in a thread. */
export function replyToThread(threadId: string, request: AddCommentRequest): Promise<CommentThread> {
  return apiRequest('POST', `/api/comment-threads/${segment(threadId)}/comments`, {
    body: request,
    schema: CommentThreadSchema,
  });
}

/** Resolves a thread, or reopens a resolved one. */
export function setThreadStatus(threadId: string, status: 'open' | 'resolved'): Promise<CommentThread> {
  const action = status === 'resolved' ? 'resolve' : 'reopen';
  return apiRequest('POST', `/api/comment-threads/${segment(threadId)}/${action}`, { schema: CommentThreadSchema });
}

/** My mentions inbox. */
export function fetchMentions(signal?: AbortSignal): Promise<MentionsInbox> {
  return apiRequest('GET', '/api/me/mentions', { schema: MentionsInboxSchema, ...(signal ? { signal } : {}) });
}

/** Marks some of my mentions read (all when no ids are given). */
export function markMentionsRead(ids?: string[]): Promise<MentionsInbox> {
  return apiRequest('POST', '/api/me/mentions/read', { body: ids ? { ids } : {}, schema: MentionsInboxSchema });
}
