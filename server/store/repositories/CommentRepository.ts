import { v7 as uuidv7 } from 'uuid';
import {
  CommentAnchorSchema,
  type Comment,
  type CommentAnchor,
  type CommentPerson,
  type CommentThread,
  type Mention,
} from '../../../shared/schemas/comments.ts';
import type { SqlContext } from '../Store.ts';

/**
 * Comment threads, comments and mentions in SQL: the record of truth the comments projection is built from.
 *
 * A thread with its first comment, or a reply with its mentions, is several statements: callers run them in their
 * unit of work (`store.transaction`) together with the audit entry.
 */
export interface CommentRepository {
  /** Creates a thread with its first comment and mentions; returns the new ids. */
  createThread(input: {
    partnershipId: string;
    anchor: CommentAnchor;
    authorId: string;
    body: string;
    mentions: readonly string[];
    at: string;
  }): Promise<{ threadId: string; commentId: string }>;
  /** Adds a reply and its mentions; returns the comment's id. */
  addComment(input: {
    threadId: string;
    authorId: string;
    body: string;
    mentions: readonly string[];
    at: string;
  }): Promise<string>;
  /** Marks a thread resolved (by someone, at a time) or open again. */
  setStatus(threadId: string, status: 'open' | 'resolved', by: string | null, at: string | null): Promise<void>;
  /** The partnership a thread belongs to; null for an unknown thread. */
  partnershipOfThread(threadId: string): Promise<string | null>;
  /** One thread with its comments; null when there is none. */
  thread(threadId: string): Promise<CommentThread | null>;
  /** Every thread of a partnership, oldest first. */
  threads(partnershipId: string): Promise<CommentThread[]>;
  /** My mentions, newest first, with how many are unread. */
  inbox(userId: string, limit?: number): Promise<{ mentions: Mention[]; unreadCount: number }>;
  /** Marks some (or all) of my mentions read; someone else's mention ids are ignored. */
  markRead(userId: string, ids: readonly string[] | undefined, at: string): Promise<void>;
  /** Marks read my unread mentions in one thread (I replied to it or resolved it); returns how many were unread. */
  markThreadRead(userId: string, threadId: string, at: string): Promise<number>;
}

interface ThreadRow {
  id: string;
  partnership_id: string;
  anchor: string;
  status: string;
  created_by: string | null;
  created_by_name: string | null;
  created_at: string;
  resolved_by: string | null;
  resolved_by_name: string | null;
  resolved_at: string | null;
}

interface CommentRow {
  id: string;
  thread_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
}

interface MentionRow {
  comment_id: string;
  user_id: string;
  name: string;
}

// People who have since left the instance still wrote what they wrote.
const person = (id: string | null, name: string | null): CommentPerson => ({
  id: id ?? 'deleted',
  name: name ?? 'Someone who has left',
});

/**
 * A UUID (version 7) that sorts after every one this process made before: comments and mentions are listed in the
 * order they were written by their id, which neither database keeps for us (there is no portable rowid). The uuid
 * library's v7 keeps that order within one millisecond too, with its sequence counter.
 */
export function orderedId(): string {
  return uuidv7();
}

const excerpt = (body: string): string => (body.length > 280 ? `${body.slice(0, 279)}…` : body);

export function createCommentRepository({ db }: SqlContext): CommentRepository {
  const selectThreads = () =>
    db
      .selectFrom('comment_threads as t')
      .leftJoin('users as c', 'c.id', 't.created_by')
      .leftJoin('users as r', 'r.id', 't.resolved_by')
      .selectAll('t')
      .select(['c.display_name as created_by_name', 'r.display_name as resolved_by_name']);

  const selectComments = () =>
    db
      .selectFrom('comments as c')
      .leftJoin('users as u', 'u.id', 'c.author_id')
      .select(['c.id', 'c.thread_id', 'c.author_id', 'u.display_name as author_name', 'c.body', 'c.created_at']);

  const selectMentions = () =>
    db
      .selectFrom('comment_mentions as m')
      .innerJoin('comments as c', 'c.id', 'm.comment_id')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.comment_id', 'm.user_id', 'u.display_name as name']);

  const insertComment = async (
    threadId: string,
    authorId: string,
    body: string,
    mentions: readonly string[],
    at: string,
  ): Promise<string> => {
    const commentId = orderedId();
    await db
      .insertInto('comments')
      .values({ id: commentId, thread_id: threadId, author_id: authorId, body, created_at: at })
      .execute();
    if (mentions.length > 0) {
      await db
        .insertInto('comment_mentions')
        .values(mentions.map((userId) => ({ id: orderedId(), comment_id: commentId, user_id: userId, read_at: null })))
        .onConflict((oc) => oc.columns(['comment_id', 'user_id']).doNothing())
        .execute();
    }
    return commentId;
  };

  /** Threads with their comments and mentions, from three queries whatever the number of threads. */
  const assemble = (threads: ThreadRow[], comments: CommentRow[], mentions: MentionRow[]): CommentThread[] => {
    const mentionsOf = new Map<string, CommentPerson[]>();
    for (const mention of mentions) {
      const list = mentionsOf.get(mention.comment_id) ?? [];
      list.push({ id: mention.user_id, name: mention.name });
      mentionsOf.set(mention.comment_id, list);
    }
    const commentsOf = new Map<string, Comment[]>();
    for (const comment of comments) {
      const list = commentsOf.get(comment.thread_id) ?? [];
      list.push({
        id: comment.id,
        author: person(comment.author_id, comment.author_name),
        body: comment.body,
        mentions: mentionsOf.get(comment.id) ?? [],
        createdAt: comment.created_at,
      });
      commentsOf.set(comment.thread_id, list);
    }
    return threads.map((row) => ({
      id: row.id,
      partnershipId: row.partnership_id,
      anchor: CommentAnchorSchema.parse(JSON.parse(row.anchor)),
      status: row.status as 'open' | 'resolved',
      createdBy: person(row.created_by, row.created_by_name),
      createdAt: row.created_at,
      resolvedBy: row.resolved_at ? person(row.resolved_by, row.resolved_by_name) : null,
      resolvedAt: row.resolved_at,
      comments: commentsOf.get(row.id) ?? [],
    }));
  };

  return {
    async createThread(input) {
      const threadId = orderedId();
      await db
        .insertInto('comment_threads')
        .values({
          id: threadId,
          partnership_id: input.partnershipId,
          anchor: JSON.stringify(input.anchor),
          status: 'open',
          created_by: input.authorId,
          created_at: input.at,
          resolved_by: null,
          resolved_at: null,
        })
        .execute();
      const commentId = await insertComment(threadId, input.authorId, input.body, input.mentions, input.at);
      return { threadId, commentId };
    },

    addComment(input) {
      return insertComment(input.threadId, input.authorId, input.body, input.mentions, input.at);
    },

    async setStatus(threadId, status, by, at) {
      const resolved = status === 'resolved';
      await db
        .updateTable('comment_threads')
        .set({ status, resolved_by: resolved ? by : null, resolved_at: resolved ? at : null })
        .where('id', '=', threadId)
        .execute();
    },

    async partnershipOfThread(threadId) {
      const row = await db
        .selectFrom('comment_threads')
        .select('partnership_id')
        .where('id', '=', threadId)
        .executeTakeFirst();
      return row?.partnership_id ?? null;
    },

    async thread(threadId) {
      const row = await selectThreads().where('t.id', '=', threadId).executeTakeFirst();
      if (!row) return null;
      const comments = await selectComments()
        .where('c.thread_id', '=', threadId)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
      const mentions = await selectMentions().where('c.thread_id', '=', threadId).orderBy('m.id').execute();
      return assemble([row], comments, mentions)[0]!;
    },

    async threads(partnershipId) {
      const threads = await selectThreads()
        .where('t.partnership_id', '=', partnershipId)
        .orderBy('t.created_at')
        .orderBy('t.id')
        .execute();
      if (threads.length === 0) return [];
      const comments = await selectComments()
        .innerJoin('comment_threads as t', 't.id', 'c.thread_id')
        .where('t.partnership_id', '=', partnershipId)
        .orderBy('c.created_at')
        .orderBy('c.id')
        .execute();
      const mentions = await selectMentions()
        .innerJoin('comment_threads as t', 't.id', 'c.thread_id')
        .where('t.partnership_id', '=', partnershipId)
        .orderBy('m.id')
        .execute();
      return assemble(threads, comments, mentions);
    },

    async inbox(userId, limit = 200) {
      // Only mentions in partnerships I still belong to: someone removed no longer sees what was said there.
      const mine = () =>
        db
          .selectFrom('comment_mentions as m')
          .innerJoin('comments as c', 'c.id', 'm.comment_id')
          .innerJoin('comment_threads as t', 't.id', 'c.thread_id')
          .innerJoin('memberships as ms', (join) =>
            join.onRef('ms.partnership_id', '=', 't.partnership_id').onRef('ms.user_id', '=', 'm.user_id'),
          )
          .where('m.user_id', '=', userId);
      const rows = await mine()
        .innerJoin('partnerships as p', 'p.id', 't.partnership_id')
        .leftJoin('users as u', 'u.id', 'c.author_id')
        .select([
          'm.id',
          't.partnership_id',
          'p.name as partnership_name',
          't.id as thread_id',
          't.anchor',
          'c.id as comment_id',
          'c.author_id',
          'u.display_name as author_name',
          'c.body',
          'c.created_at',
          'm.read_at',
        ])
        .orderBy('c.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .limit(limit)
        .execute();
      const unread = await mine()
        .where('m.read_at', 'is', null)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const mentions = rows.map((row): Mention => ({
        id: row.id,
        partnershipId: row.partnership_id,
        partnershipName: row.partnership_name,
        threadId: row.thread_id,
        anchor: CommentAnchorSchema.parse(JSON.parse(row.anchor)),
        commentId: row.comment_id,
        author: person(row.author_id, row.author_name),
        excerpt: excerpt(row.body),
        createdAt: row.created_at,
        readAt: row.read_at,
      }));
      return { mentions, unreadCount: Number(unread.n) };
    },

    async markRead(userId, ids, at) {
      if (ids?.length === 0) return;
      let update = db
        .updateTable('comment_mentions')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null);
      if (ids) update = update.where('id', 'in', [...ids]);
      await update.execute();
    },

    async markThreadRead(userId, threadId, at) {
      const result = await db
        .updateTable('comment_mentions')
        .set({ read_at: at })
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .where('comment_id', 'in', db.selectFrom('comments').select('id').where('thread_id', '=', threadId))
        .executeTakeFirst();
      return Number(result.numUpdatedRows);
    },
  };
}
