import type { Kysely } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/**
 * Migration step 13: email. The outbox (every message the app sends, kept whether or not SMTP is configured, with its
 * attempts), each person's notification preferences, and the instance key unsubscribe links are derived from.
 * Enumerations (kind, status, mode) are checked with zod on read, not in SQL.
 */
export async function createMailTables({ db, t }: { db: Kysely<Tables>; t: ColumnTypes }): Promise<void> {
  await db.schema
    .createTable('mail_outbox')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('to_user_id', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_address', t.text, (c) => c.notNull())
    .addColumn('subject', t.text, (c) => c.notNull())
    .addColumn('text_body', t.text, (c) => c.notNull())
    .addColumn('html_body', t.text)
    .addColumn('kind', t.text, (c) => c.notNull())
    .addColumn('partnership_id', t.text, (c) => c.references('partnerships.id').onDelete('cascade'))
    .addColumn('status', t.text, (c) => c.notNull())
    .addColumn('attempts', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', t.text)
    .addColumn('next_attempt_at', t.text, (c) => c.notNull())
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('sent_at', t.text)
    // One "closing in 24 hours" per round and person, however many instances notice it.
    .addColumn('dedupe_key', t.text, (c) => c.unique())
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .ifNotExists()
    .on('mail_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema
    .createIndex('mail_outbox_newest')
    .ifNotExists()
    .on('mail_outbox')
    .columns(['created_at', 'id'])
    .execute();
  await db.schema
    .createTable('notification_preferences')
    .ifNotExists()
    .addColumn('user_id', t.text, (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('mode', t.text, (c) => c.notNull())
    .addColumn('unsubscribe_token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('updated_at', t.text, (c) => c.notNull())
    .addColumn('last_digest_at', t.text)
    .execute();
  await db.schema
    .createTable('mail_keys')
    .ifNotExists()
    .addColumn('id', t.integer, (c) => c.primaryKey())
    .addColumn('unsubscribe_key', t.text, (c) => c.notNull())
    .execute();
}
