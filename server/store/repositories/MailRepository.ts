import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import {
  MailKindSchema,
  NotificationModeSchema,
  OutboxStatusSchema,
  type MailKind,
  type NotificationMode,
  type OutboxStatus,
} from '../../../shared/schemas/mail.ts';
import { newId } from '../../accounts/secrets.ts';
import type { MailOutboxTable, NotificationPreferencesTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** What a message says and to whom: what the notifications compose and the outbox stores. */
export interface ComposedMail {
  toUserId: string | null;
  toAddress: string;
  subject: string;
  textBody: string;
  htmlBody: string | null;
  kind: MailKind;
  partnershipId: string | null;
}

/** A message to store in the outbox. */
export interface NewMail extends ComposedMail {
  status: Extract<OutboxStatus, 'queued' | 'kept' | 'held'>;
  /** Messages under one key are stored once, however many instances or requests ask. */
  dedupeKey: string | null;
  at: string;
}

/** A message as stored. */
export interface MailRecord extends ComposedMail {
  id: string;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: string;
  createdAt: string;
  sentAt: string | null;
  dedupeKey: string | null;
}

/** Someone's notification preferences as stored (no row: 'immediately', never digested). */
export interface PreferenceRecord {
  userId: string;
  mode: NotificationMode;
  lastDigestAt: string | null;
}

/** The outbox and each person's notification preferences. */
export interface MailRepository {
  /** Stores a message; false (and nothing stored) when a message under its dedupe key already exists. */
  enqueue(mail: NewMail): Promise<boolean>;
  findById(id: string): Promise<MailRecord | null>;
  /** Newest first, `limit` at a time; `before` is the (createdAt, id) of the last message of the previous page. */
  list(options: {
    status?: OutboxStatus | undefined;
    before?: { createdAt: string; id: string } | undefined;
    limit: number;
  }): Promise<MailRecord[]>;
  /**
   * Claims up to `limit` queued messages due at `now` for one sending attempt: each is claimed by a conditional
   * update (still queued, still due at the time read), which moves its next attempt to `leaseUntil`, so of several
   * instances exactly one sends it; an instance that dies mid-send leaves it to be claimed again after the lease.
   */
  claimDue(now: string, leaseUntil: string, limit: number): Promise<MailRecord[]>;
  markSent(id: string, at: string): Promise<void>;
  /** Records a failed attempt: queued again at `retryAt`, or (null) failed for good. */
  markAttemptFailed(id: string, error: string, retryAt: string | null): Promise<void>;
  /** Queues a failed (or kept) message again, due now; false when it is neither. */
  retry(id: string, at: string): Promise<boolean>;
  /** Messages held for a person's daily digest, oldest first. */
  held(userId: string): Promise<MailRecord[]>;
  /** People who have messages held for a digest. */
  usersWithHeld(): Promise<string[]>;
  markDigested(ids: readonly string[]): Promise<void>;
  preferences(userId: string): Promise<PreferenceRecord | null>;
  /** Sets someone's mode (creating their row with the hash of their unsubscribe token). */
  setMode(userId: string, mode: NotificationMode, tokenHash: string, at: string): Promise<void>;
  /** Whose unsubscribe token this is the hash of. */
  byTokenHash(tokenHash: string): Promise<PreferenceRecord | null>;
  /**
   * Claims a person's digest: moves `last_digest_at` from what was read (`previous`) to `at`, conditionally, so one
   * instance makes it; false when another did first.
   */
  claimDigest(userId: string, previous: string | null, at: string, tokenHash: string): Promise<boolean>;
  /** The instance's key for unsubscribe tokens, made on first use (the same for every instance). */
  unsubscribeKey(): Promise<string>;
}

const toRecord = (row: Selectable<MailOutboxTable>): MailRecord => ({
  id: row.id,
  toUserId: row.to_user_id,
  toAddress: row.to_address,
  subject: row.subject,
  textBody: row.text_body,
  htmlBody: row.html_body,
  kind: MailKindSchema.catch('digest').parse(row.kind),
  partnershipId: row.partnership_id,
  status: OutboxStatusSchema.catch('failed').parse(row.status),
  attempts: Number(row.attempts),
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
  createdAt: row.created_at,
  sentAt: row.sent_at,
  dedupeKey: row.dedupe_key,
});

const toPreference = (row: Selectable<NotificationPreferencesTable>): PreferenceRecord => ({
  userId: row.user_id,
  mode: NotificationModeSchema.catch('immediately').parse(row.mode),
  lastDigestAt: row.last_digest_at,
});

export function createMailRepository({ db }: SqlContext): MailRepository {
  const preferencesWhere = async (
    column: 'user_id' | 'unsubscribe_token_hash',
    value: string,
  ): Promise<PreferenceRecord | null> => {
    const row = await db
      .selectFrom('notification_preferences')
      .selectAll()
      .where(column, '=', value)
      .executeTakeFirst();
    return row ? toPreference(row) : null;
  };

  return {
    async enqueue(mail) {
      const result = await db
        .insertInto('mail_outbox')
        .values({
          id: newId(),
          to_user_id: mail.toUserId,
          to_address: mail.toAddress,
          subject: mail.subject,
          text_body: mail.textBody,
          html_body: mail.htmlBody,
          kind: mail.kind,
          partnership_id: mail.partnershipId,
          status: mail.status,
          attempts: 0,
          last_error: null,
          next_attempt_at: mail.at,
          created_at: mail.at,
          sent_at: null,
          dedupe_key: mail.dedupeKey,
        })
        .onConflict((conflict) => conflict.column('dedupe_key').doNothing())
        .executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
    },
    async findById(id) {
      const row = await db.selectFrom('mail_outbox').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : null;
    },
    async list({ status, before, limit }) {
      let query = db.selectFrom('mail_outbox').selectAll();
      if (status) query = query.where('status', '=', status);
      if (before) {
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      }
      const rows = await query.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return rows.map(toRecord);
    },
    async claimDue(now, leaseUntil, limit) {
      const due = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('status', '=', 'queued')
        .where('next_attempt_at', '<=', now)
        .orderBy('next_attempt_at')
        .orderBy('id')
        .limit(limit)
        .execute();
      const claimed: MailRecord[] = [];
      for (const row of due) {
        const result = await db
          .updateTable('mail_outbox')
          .set({ next_attempt_at: leaseUntil })
          .where('id', '=', row.id)
          .where('status', '=', 'queued')
          .where('next_attempt_at', '=', row.next_attempt_at)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 1) claimed.push(toRecord({ ...row, next_attempt_at: leaseUntil }));
      }
      return claimed;
    },
    async markSent(id, at) {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({ status: 'sent', sent_at: at, attempts: eb('attempts', '+', 1), last_error: null }))
        .where('id', '=', id)
        .execute();
    },
    async markAttemptFailed(id, error, retryAt) {
      await db
        .updateTable('mail_outbox')
        .set((eb) => ({
          status: retryAt === null ? 'failed' : 'queued',
          attempts: eb('attempts', '+', 1),
          last_error: error.slice(0, 1000),
          ...(retryAt === null ? {} : { next_attempt_at: retryAt }),
        }))
        .where('id', '=', id)
        .execute();
    },
    async retry(id, at) {
      const result = await db
        .updateTable('mail_outbox')
        .set({ status: 'queued', next_attempt_at: at })
        .where('id', '=', id)
        .where('status', 'in', ['failed', 'kept'])
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async held(userId) {
      const rows = await db
        .selectFrom('mail_outbox')
        .selectAll()
        .where('to_user_id', '=', userId)
        .where('status', '=', 'held')
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(toRecord);
    },
    async usersWithHeld() {
      const rows = await db
        .selectFrom('mail_outbox')
        .select('to_user_id')
        .distinct()
        .where('status', '=', 'held')
        .where('to_user_id', 'is not', null)
        .orderBy('to_user_id')
        .execute();
      return rows.flatMap((row) => (row.to_user_id === null ? [] : [row.to_user_id]));
    },
    async markDigested(ids) {
      if (ids.length === 0) return;
      await db
        .updateTable('mail_outbox')
        .set({ status: 'digested' })
        .where('id', 'in', [...ids])
        .where('status', '=', 'held')
        .execute();
    },
    preferences: (userId) => preferencesWhere('user_id', userId),
    async setMode(userId, mode, tokenHash, at) {
      await db
        .insertInto('notification_preferences')
        .values({ user_id: userId, mode, unsubscribe_token_hash: tokenHash, updated_at: at, last_digest_at: null })
        .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ mode, updated_at: at }))
        .execute();
    },
    byTokenHash: (tokenHash) => preferencesWhere('unsubscribe_token_hash', tokenHash),
    async claimDigest(userId, previous, at, tokenHash) {
      // Someone who never chose a mode has no row yet: the first claim makes it (still 'daily' callers only).
      await db
        .insertInto('notification_preferences')
        .values({
          user_id: userId,
          mode: 'daily',
          unsubscribe_token_hash: tokenHash,
          updated_at: at,
          last_digest_at: null,
        })
        .onConflict((conflict) => conflict.column('user_id').doNothing())
        .execute();
      const result = await db
        .updateTable('notification_preferences')
        .set({ last_digest_at: at })
        .where('user_id', '=', userId)
        .where((eb) => (previous === null ? eb('last_digest_at', 'is', null) : eb('last_digest_at', '=', previous)))
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async unsubscribeKey() {
      await db
        .insertInto('mail_keys')
        .values({ id: 1, unsubscribe_key: randomBytes(32).toString('base64url') })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      const row = await db
        .selectFrom('mail_keys')
        .select('unsubscribe_key')
        .where('id', '=', 1)
        .executeTakeFirstOrThrow();
      return row.unsubscribe_key;
    },
  };
}
