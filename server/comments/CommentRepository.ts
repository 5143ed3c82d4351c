import { randomUUID } from 'node:crypto';
import type { Database, Statement } from 'better-sqlite3';
import {
  CommentAnchorSchema,
  type Comment,
  type CommentAnchor,
  type CommentPerson,
  type CommentThread,
  type Mention,
} from '../../shared/schemas/comments.ts';

interface ThreadRow {
  id: string;
  partnership_id: string;
  anchor: string;
  status: 'open' | 'resolved';
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

interface InboxRow {
  id: string;
  partnership_id: string;
  partnership_name: string;
  thread_id: string;
  comment_id: string;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: string;
  read_at: string | null;
}

// People who have since left the instance still wrote what they wrote.
const person = (id: string | null, name: string | null): CommentPerson => ({
  id: id ?? 'deleted',
  name: name ?? 'Someone who has left',
});

const threadSelect = `SELECT t.*, c.display_name AS created_by_name, r.display_name AS resolved_by_name
  FROM comment_threads t
  LEFT JOIN users c ON c.id = t.created_by
  LEFT JOIN users r ON r.id = t.resolved_by`;

/** Comment threads, comments and mentions in SQL: the record of truth the comments projection is built from. */
export class CommentRepository {
  readonly #db: Database;
  readonly #insertThread: Statement<[string, string, string, string, string]>;
  readonly #insertComment: Statement<[string, string, string, string, string]>;
  readonly #insertMention: Statement<[string, string, string]>;
  readonly #threadById: Statement<[string], ThreadRow>;
  readonly #threadsOf: Statement<[string], ThreadRow>;
  readonly #commentsOf: Statement<[string], CommentRow>;
  readonly #mentionsOf: Statement<[string], MentionRow>;
  readonly #setStatus: Statement<[string, string | null, string | null, string]>;
  readonly #inbox: Statement<[string, number], InboxRow>;
  readonly #unread: Statement<[string], { count: number }>;
  readonly #markRead: Statement<[string, string, string]>;
  readonly #markAllRead: Statement<[string, string]>;

  constructor(db: Database) {
    this.#db = db;
    this.#insertThread = db.prepare(
      `INSERT INTO comment_threads (id, partnership_id, anchor, status, created_by, created_at)
       VALUES (?, ?, ?, 'open', ?, ?)`,
    );
    this.#insertComment = db.prepare(
      'INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.#insertMention = db.prepare(
      'INSERT OR IGNORE INTO comment_mentions (id, comment_id, user_id) VALUES (?, ?, ?)',
    );
    this.#threadById = db.prepare(`${threadSelect} WHERE t.id = ?`);
    this.#threadsOf = db.prepare(`${threadSelect} WHERE t.partnership_id = ? ORDER BY t.created_at, t.id`);
    this.#commentsOf = db.prepare(
      `SELECT c.*, u.display_name AS author_name FROM comments c LEFT JOIN users u ON u.id = c.author_id
       WHERE c.thread_id = ? ORDER BY c.created_at, c.rowid`,
    );
    this.#mentionsOf = db.prepare(
      `SELECT m.comment_id, m.user_id, u.display_name AS name FROM comment_mentions m
       JOIN comments c ON c.id = m.comment_id JOIN users u ON u.id = m.user_id
       WHERE c.thread_id = ? ORDER BY m.rowid`,
    );
    this.#setStatus = db.prepare(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
    );
    // Only mentions in partnerships I still belong to: someone removed no longer sees what was said there.
    this.#inbox = db.prepare(
      `SELECT m.id, t.partnership_id, p.name AS partnership_name, t.id AS thread_id, c.id AS comment_id,
              c.author_id, u.display_name AS author_name, c.body, c.created_at, m.read_at
       FROM comment_mentions m
       JOIN comments c ON c.id = m.comment_id
       JOIN comment_threads t ON t.id = c.thread_id
       JOIN partnerships p ON p.id = t.partnership_id
       JOIN memberships ms ON ms.partnership_id = t.partnership_id AND ms.user_id = m.user_id
       LEFT JOIN users u ON u.id = c.author_id
       WHERE m.user_id = ? ORDER BY c.created_at DESC LIMIT ?`,
    );
    this.#unread = db.prepare(
      `SELECT COUNT(*) AS count FROM comment_mentions m
       JOIN comments c ON c.id = m.comment_id JOIN comment_threads t ON t.id = c.thread_id
       JOIN memberships ms ON ms.partnership_id = t.partnership_id AND ms.user_id = m.user_id
       WHERE m.user_id = ? AND m.read_at IS NULL`,
    );
    this.#markRead = db.prepare(
      'UPDATE comment_mentions SET read_at = ? WHERE user_id = ? AND id = ? AND read_at IS NULL',
    );
    this.#markAllRead = db.prepare('UPDATE comment_mentions SET read_at = ? WHERE user_id = ? AND read_at IS NULL');
  }

  /** Creates a thread with its first comment and mentions, in one transaction; returns the new thread's id. */
  createThread(input: {
    partnershipId: string;
    anchor: CommentAnchor;
    authorId: string;
    body: string;
    mentions: readonly string[];
    at: string;
  }): { threadId: string; commentId: string } {
    const threadId = randomUUID();
    return this.#db.transaction(() => {
      this.#insertThread.run(threadId, input.partnershipId, JSON.stringify(input.anchor), input.authorId, input.at);
      const commentId = this.#addComment(threadId, input.authorId, input.body, input.mentions, input.at);
      return { threadId, commentId };
    })();
  }

  /** Adds a reply and its mentions; returns the comment's id. */
  addComment(input: {
    threadId: string;
    authorId: string;
    body: string;
    mentions: readonly string[];
    at: string;
  }): string {
    return this.#db.transaction(() =>
      this.#addComment(input.threadId, input.authorId, input.body, input.mentions, input.at),
    )();
  }

  #addComment(threadId: string, authorId: string, body: string, mentions: readonly string[], at: string): string {
    const commentId = randomUUID();
    this.#insertComment.run(commentId, threadId, authorId, body, at);
    for (const userId of mentions) this.#insertMention.run(randomUUID(), commentId, userId);
    return commentId;
  }

  /** Marks a thread resolved (by someone, at a time) or open again. */
  setStatus(threadId: string, status: 'open' | 'resolved', by: string | null, at: string | null): void {
    this.#setStatus.run(status, status === 'resolved' ? by : null, status === 'resolved' ? at : null, threadId);
  }

  /** The partnership a thread belongs to; null for an unknown thread. */
  partnershipOfThread(threadId: string): string | null {
    return this.#threadById.get(threadId)?.partnership_id ?? null;
  }

  /** One thread with its comments; null when there is none. */
  thread(threadId: string): CommentThread | null {
    const row = this.#threadById.get(threadId);
    return row ? this.#toThread(row) : null;
  }

  /** Every thread of a partnership, oldest first. */
  threads(partnershipId: string): CommentThread[] {
    return this.#threadsOf.all(partnershipId).map((row) => this.#toThread(row));
  }

  #toThread(row: ThreadRow): CommentThread {
    const mentions = new Map<string, CommentPerson[]>();
    for (const mention of this.#mentionsOf.all(row.id)) {
      const list = mentions.get(mention.comment_id) ?? [];
      list.push({ id: mention.user_id, name: mention.name });
      mentions.set(mention.comment_id, list);
    }
    const comments: Comment[] = this.#commentsOf.all(row.id).map((comment) => ({
      id: comment.id,
      author: person(comment.author_id, comment.author_name),
      body: comment.body,
      mentions: mentions.get(comment.id) ?? [],
      createdAt: comment.created_at,
    }));
    return {
      id: row.id,
      partnershipId: row.partnership_id,
      anchor: CommentAnchorSchema.parse(JSON.parse(row.anchor)),
      status: row.status,
      createdBy: person(row.created_by, row.created_by_name),
      createdAt: row.created_at,
      resolvedBy: row.resolved_at ? person(row.resolved_by, row.resolved_by_name) : null,
      resolvedAt: row.resolved_at,
      comments,
    };
  }

  /** My mentions, newest first, with how many are unread. */
  inbox(userId: string, limit = 200): { mentions: Mention[]; unreadCount: number } {
    const mentions = this.#inbox.all(userId, limit).map((row): Mention => ({
      id: row.id,
      partnershipId: row.partnership_id,
      partnershipName: row.partnership_name,
      threadId: row.thread_id,
      commentId: row.comment_id,
      author: person(row.author_id, row.author_name),
      excerpt: row.body.length > 280 ? `${row.body.slice(0, 279)}…` : row.body,
      createdAt: row.created_at,
      readAt: row.read_at,
    }));
    return { mentions, unreadCount: this.#unread.get(userId)?.count ?? 0 };
  }

  /** Marks some (or all) of my mentions read; someone else's mention ids are ignored. */
  markRead(userId: string, ids: readonly string[] | undefined, at: string): void {
    this.#db.transaction(() => {
      if (!ids) this.#markAllRead.run(at, userId);
      else for (const id of ids) this.#markRead.run(at, userId, id);
    })();
  }
}
