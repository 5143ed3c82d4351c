import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/**
 * Migration step 6: board cycles. Versions (immutable snapshots: the workspace doc's encoded state and the SQL facts
 * of the moment), meetings with their agenda and attendance, the actions log, and who wrote each Yjs client id's
 * items in a document (so "what changed" can name people). Idempotent (`if not exists`), like step 1's documents.
 */
export async function createCycleTables({ db, t }: { db: Kysely<Tables>; t: ColumnTypes }): Promise<void> {
  await db.schema
    .createTable('versions')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('label', t.text, (c) => c.notNull())
    .addColumn('reason_kind', t.text, (c) => c.notNull().check(sql`reason_kind in ('manual', 'meeting', 'round')`))
    .addColumn('reason_id', t.text)
    .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('doc_state', t.binary, (c) => c.notNull())
    .addColumn('facts', t.text, (c) => c.notNull())
    .addColumn('doc_bytes', t.integer, (c) => c.notNull())
    .addColumn('facts_bytes', t.integer, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('versions_by_partnership')
    .ifNotExists()
    .on('versions')
    .columns(['partnership_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('meetings')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('title', t.text, (c) => c.notNull())
    .addColumn('starts_at', t.text, (c) => c.notNull())
    .addColumn('place', t.text, (c) => c.notNull())
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('scheduled', 'closed')`))
    .addColumn('agenda', t.text, (c) => c.notNull())
    .addColumn('attendee_ids', t.text, (c) => c.notNull())
    .addColumn('closed_at', t.text)
    .addColumn('version_id', t.text, (c) => c.references('versions.id').onDelete('set null'))
    .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meetings_by_partnership')
    .ifNotExists()
    .on('meetings')
    .columns(['partnership_id', 'starts_at'])
    .execute();
  await db.schema
    .createTable('board_actions')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('meeting_id', t.text, (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('text', t.text, (c) => c.notNull())
    .addColumn('owner', t.text, (c) => c.notNull())
    .addColumn('due_date', t.text)
    .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('open', 'in-progress', 'done')`))
    .addColumn('link_kind', t.text)
    .addColumn('link_id', t.text)
    .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('updated_at', t.text, (c) => c.notNull())
    .addColumn('done_at', t.text)
    .execute();
  await db.schema
    .createIndex('board_actions_by_partnership')
    .ifNotExists()
    .on('board_actions')
    .columns(['partnership_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('doc_authors')
    .ifNotExists()
    .addColumn('doc_name', t.text, (c) => c.notNull())
    // Yjs client ids are unsigned 32-bit numbers: past PostgreSQL's `integer`.
    .addColumn('client_id', t.epochMs, (c) => c.notNull())
    // No foreign key: development access writes as guests who have no account; names are looked up when read.
    .addColumn('user_id', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('doc_authors_pk', ['doc_name', 'client_id'])
    .execute();
}
