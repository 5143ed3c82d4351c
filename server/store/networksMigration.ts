import type { Kysely } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/**
 * Migration step 12: networks of places. A network, its coordinators (a role of the network, not of any
 * partnership) and their single-use invitation links, the partnerships in or invited to it with what each shares,
 * the template versions it publishes, and each member partnership's choice on each published change.
 *
 * Enumerations (member state, choice) are checked with zod when read rather than by SQL CHECKs, so a later state
 * needs no table rebuild on SQLite. Idempotent (`if not exists`), like step 6.
 */
export async function createNetworkTables({ db, t }: { db: Kysely<Tables>; t: ColumnTypes }): Promise<void> {
  await db.schema
    .createTable('networks')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('is_demo', t.integer, (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.text, (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('network_coordinators')
    .ifNotExists()
    .addColumn('network_id', t.text, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('added_at', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('network_coordinators_pk', ['network_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('network_coordinators_by_user')
    .ifNotExists()
    .on('network_coordinators')
    .column('user_id')
    .execute();
  await db.schema
    .createTable('network_invitations')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('network_id', t.text, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('token_hash', t.text, (c) => c.notNull().unique())
    .addColumn('email', t.text, (c) => c.notNull())
    .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', t.text, (c) => c.notNull())
    .addColumn('expires_at', t.text, (c) => c.notNull())
    .addColumn('accepted_at', t.text)
    .addColumn('accepted_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('network_invitations_by_network')
    .ifNotExists()
    .on('network_invitations')
    .column('network_id')
    .execute();
  await db.schema
    .createTable('network_members')
    .ifNotExists()
    .addColumn('network_id', t.text, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('state', t.text, (c) => c.notNull())
    .addColumn('sharing', t.text, (c) => c.notNull())
    .addColumn('invited_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('invited_at', t.text, (c) => c.notNull())
    .addColumn('joined_at', t.text)
    .addPrimaryKeyConstraint('network_members_pk', ['network_id', 'partnership_id'])
    .execute();
  await db.schema
    .createIndex('network_members_by_partnership')
    .ifNotExists()
    .on('network_members')
    .column('partnership_id')
    .execute();
  await db.schema
    .createTable('network_template_versions')
    .ifNotExists()
    .addColumn('id', t.text, (c) => c.primaryKey())
    .addColumn('network_id', t.text, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('version', t.integer, (c) => c.notNull())
    .addColumn('note', t.text, (c) => c.notNull())
    .addColumn('changes', t.text, (c) => c.notNull())
    .addColumn('published_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', t.text, (c) => c.notNull())
    // The guard that two coordinators publishing at once get two numbers, not one twice.
    .addUniqueConstraint('network_template_versions_number', ['network_id', 'version'])
    .execute();
  await db.schema
    .createTable('network_template_choices')
    .ifNotExists()
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('network_id', t.text, (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('change_id', t.text, (c) => c.notNull())
    .addColumn('choice', t.text, (c) => c.notNull())
    .addColumn('decided_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('network_template_choices_pk', ['partnership_id', 'change_id'])
    .execute();
  await db.schema
    .createIndex('network_template_choices_by_network')
    .ifNotExists()
    .on('network_template_choices')
    .columns(['network_id', 'partnership_id'])
    .execute();
}
