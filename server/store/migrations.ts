import { sql, type ColumnDefinitionBuilder, type CreateTableBuilder, type Kysely } from 'kysely';
import { columnTypes, type ColumnTypes, type StoreKind } from './columnTypes.ts';
import { createCycleTables } from './cyclesMigration.ts';
import { createComparatorAreas } from './comparatorsMigration.ts';
import { createRoundElectorate } from './electorateMigration.ts';
import { createIndicatorMetadata } from './metadataMigration.ts';
import { createNetworkTables } from './networksMigration.ts';
import { createMailTables } from './mailMigration.ts';
import { addBallotReceipts } from './receiptsMigration.ts';
import { addTokenScopes } from './tokensMigration.ts';
import type { Tables } from './schema.ts';

interface MigrationContext {
  db: Kysely<Tables>;
  kind: StoreKind;
  t: ColumnTypes;
}

type Step = (context: MigrationContext) => Promise<void>;

/** A primary key the database numbers itself (SQLite AUTOINCREMENT, PostgreSQL bigserial). */
function serialKey(kind: StoreKind): (column: ColumnDefinitionBuilder) => ColumnDefinitionBuilder {
  return (column) => (kind === 'sqlite' ? column.primaryKey().autoIncrement() : column.primaryKey());
}

/**
 * Rows of a table whose physical order must say nothing (ballots, observations): on SQLite they are stored by their
 * primary key instead of by insertion (WITHOUT ROWID). PostgreSQL's heap keeps insertion order whatever we ask, which
 * is why anonymous ballots are also rewritten in a random order when their round is sealed (see BallotRepository).
 */
function withoutRowId<T extends string, C extends string>(
  kind: StoreKind,
  table: CreateTableBuilder<T, C>,
): CreateTableBuilder<T, C> {
  return kind === 'sqlite' ? table.modifyEnd(sql`without rowid`) : table;
}

/**
 * Schema changes in order, written once for both databases through Kysely's schema builder. Each runs once, in a
 * transaction, and moves `schema_version` on. Never edit a released step: add a new one.
 */
export const migrationSteps: readonly Step[] = [
  // 1. Documents, accounts, partnerships, invitations, the audit log.
  async ({ db, kind, t }) => {
    await db.schema
      .createTable('doc_updates')
      .ifNotExists()
      .addColumn('seq', t.serial, serialKey(kind))
      .addColumn('doc_name', t.text, (c) => c.notNull())
      .addColumn('data', t.binary, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('doc_updates_by_doc')
      .ifNotExists()
      .on('doc_updates')
      .columns(['doc_name', 'seq'])
      .execute();
    await db.schema
      .createTable('doc_snapshots')
      .ifNotExists()
      .addColumn('doc_name', t.text, (c) => c.primaryKey())
      .addColumn('data', t.binary, (c) => c.notNull())
      .addColumn('last_seq', t.epochMs, (c) => c.notNull())
      .addColumn('updated_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('users')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('email', t.text, (c) => c.notNull().unique())
      .addColumn('display_name', t.text, (c) => c.notNull())
      .addColumn('organisation', t.text, (c) => c.notNull())
      .addColumn('password_hash', t.text, (c) => c.notNull())
      .addColumn('is_admin', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('sessions')
      .addColumn('id_hash', t.text, (c) => c.primaryKey())
      .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', t.epochMs, (c) => c.notNull())
      .addColumn('last_seen_at', t.epochMs, (c) => c.notNull())
      .addColumn('expires_at', t.epochMs, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sessions_by_user').on('sessions').column('user_id').execute();
    await db.schema
      .createTable('api_tokens')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('last_used_at', t.text)
      .addColumn('revoked_at', t.text)
      .execute();
    await db.schema
      .createTable('partnerships')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('name', t.text, (c) => c.notNull())
      .addColumn('area_name', t.text, (c) => c.notNull())
      .addColumn('area_code', t.text, (c) => c.notNull())
      .addColumn('template', t.text, (c) => c.notNull())
      .addColumn('created_by', t.text, (c) => c.references('users.id'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('memberships')
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('role', t.text, (c) =>
        c.notNull().check(sql`role in ('facilitator', 'editor', 'commenter', 'viewer')`),
      )
      .addColumn('organisation', t.text, (c) => c.notNull())
      .addColumn('is_voting', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('memberships_pk', ['partnership_id', 'user_id'])
      .execute();
    await db.schema.createIndex('memberships_by_user').on('memberships').column('user_id').execute();
    await db.schema
      .createTable('invitations')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('token_hash', t.text, (c) => c.notNull().unique())
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('role', t.text, (c) => c.notNull())
      .addColumn('organisation', t.text, (c) => c.notNull())
      .addColumn('is_voting', t.integer, (c) => c.notNull())
      .addColumn('note', t.text, (c) => c.notNull())
      .addColumn('created_by', t.text, (c) => c.notNull().references('users.id'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('expires_at', t.text, (c) => c.notNull())
      .addColumn('accepted_at', t.text)
      .addColumn('accepted_by', t.text, (c) => c.references('users.id'))
      .addColumn('revoked_at', t.text)
      .execute();
    await db.schema.createIndex('invitations_by_partnership').on('invitations').column('partnership_id').execute();
    await db.schema
      .createTable('setup_tokens')
      .addColumn('token_hash', t.text, (c) => c.primaryKey())
      .addColumn('expires_at', t.epochMs, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', t.serial, serialKey(kind))
      .addColumn('at', t.text, (c) => c.notNull())
      .addColumn('action', t.text, (c) => c.notNull())
      .addColumn('actor_id', t.text)
      .addColumn('partnership_id', t.text)
      .addColumn('target', t.text)
      .addColumn('details', t.text, (c) => c.notNull())
      .addColumn('ip', t.text)
      .execute();
    await db.schema.createIndex('audit_by_partnership').on('audit_log').columns(['partnership_id', 'id']).execute();
    // The audit log is append-only: the database itself refuses changes and deletions.
    if (kind === 'sqlite') {
      await sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(
        db,
      );
      await sql`CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END`.execute(
        db,
      );
    } else {
      await sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit log is append-only'; END $$`.execute(db);
      await sql`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`.execute(db);
    }
  },
  // 2. Prioritisation rounds. Ballots are keyed so that, in anonymous rounds, nobody can link a person to a ballot
  // once the round is sealed: random primary key, no timestamps, no row order.
  async ({ db, kind, t }) => {
    await db.schema
      .createTable('rounds')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('title', t.text, (c) => c.notNull())
      .addColumn('question', t.text, (c) => c.notNull())
      .addColumn('method', t.text, (c) => c.notNull().check(sql`method in ('dots', 'scores', 'ranking', 'matrix')`))
      .addColumn('settings', t.text, (c) => c.notNull())
      .addColumn('visibility', t.text, (c) =>
        c.notNull().check(sql`visibility in ('live', 'after-vote', 'after-close')`),
      )
      .addColumn('anonymous', t.integer, (c) => c.notNull())
      .addColumn('eligibility', t.text, (c) =>
        c.notNull().check(sql`eligibility in ('voting-members', 'one-per-organisation')`),
      )
      .addColumn('quorum', t.real, (c) => c.notNull())
      .addColumn('closes_at', t.text)
      .addColumn('state', t.text, (c) => c.notNull().check(sql`state in ('draft', 'open', 'closed')`))
      .addColumn('version', t.integer, (c) => c.notNull().defaultTo(0))
      .addColumn('eligible_at_close', t.integer)
      .addColumn('follow_up_of', t.text, (c) => c.references('rounds.id').onDelete('set null'))
      .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('opened_at', t.text)
      .addColumn('closed_at', t.text)
      .execute();
    await db.schema
      .createIndex('rounds_by_partnership')
      .on('rounds')
      .columns(['partnership_id', 'created_at'])
      .execute();
    await db.schema.createIndex('rounds_open').on('rounds').column('state').where('state', '=', 'open').execute();
    await db.schema
      .createTable('round_candidates')
      .addColumn('round_id', t.text, (c) => c.notNull().references('rounds.id').onDelete('cascade'))
      .addColumn('id', t.text, (c) => c.notNull())
      .addColumn('position', t.integer, (c) => c.notNull())
      .addColumn('kind', t.text, (c) => c.notNull())
      .addColumn('ref_id', t.text, (c) => c.notNull())
      .addColumn('label', t.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('round_candidates_pk', ['round_id', 'id'])
      .execute();
    await db.schema
      .createTable('round_secrets')
      .addColumn('round_id', t.text, (c) => c.primaryKey().references('rounds.id').onDelete('cascade'))
      .addColumn('secret', t.binary, (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('round_voters')
      .addColumn('round_id', t.text, (c) => c.notNull().references('rounds.id').onDelete('cascade'))
      .addColumn('voter_key', t.text, (c) => c.notNull())
      .addColumn('user_id', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('organisation', t.text, (c) => c.notNull())
      .addColumn('voted_at', t.text, (c) => c.notNull())
      .addPrimaryKeyConstraint('round_voters_pk', ['round_id', 'voter_key'])
      .execute();
    await withoutRowId(
      kind,
      db.schema
        .createTable('ballots')
        .addColumn('id', t.text, (c) => c.primaryKey())
        .addColumn('round_id', t.text, (c) => c.notNull().references('rounds.id').onDelete('cascade'))
        .addColumn('ballot_key', t.text, (c) => c.notNull())
        .addColumn('organisation', t.text)
        .addColumn('content', t.text, (c) => c.notNull())
        .addUniqueConstraint('ballots_round_key', ['round_id', 'ballot_key']),
    ).execute();
    await db.schema
      .createTable('decisions')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('round_id', t.text, (c) => c.notNull().unique().references('rounds.id').onDelete('cascade'))
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('priorities', t.text, (c) => c.notNull())
      .addColumn('statement', t.text, (c) => c.notNull())
      .addColumn('review_date', t.text, (c) => c.notNull())
      .addColumn('decided_by', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('decided_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('decisions_by_partnership')
      .on('decisions')
      .columns(['partnership_id', 'decided_at'])
      .execute();
  },
  // 3. Comment threads on the needs assessment and the framework; comments and mentions (the mentions inbox).
  async ({ db, t }) => {
    await db.schema
      .createTable('comment_threads')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('anchor', t.text, (c) => c.notNull())
      .addColumn('status', t.text, (c) => c.notNull().check(sql`status in ('open', 'resolved')`))
      .addColumn('created_by', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', t.text, (c) => c.notNull())
      .addColumn('resolved_by', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('resolved_at', t.text)
      .execute();
    await db.schema
      .createIndex('comment_threads_by_partnership')
      .on('comment_threads')
      .columns(['partnership_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('comments')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('thread_id', t.text, (c) => c.notNull().references('comment_threads.id').onDelete('cascade'))
      .addColumn('author_id', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('body', t.text, (c) => c.notNull())
      .addColumn('created_at', t.text, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('comments_by_thread').on('comments').columns(['thread_id', 'created_at']).execute();
    await db.schema
      .createTable('comment_mentions')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('comment_id', t.text, (c) => c.notNull().references('comments.id').onDelete('cascade'))
      .addColumn('user_id', t.text, (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('read_at', t.text)
      .addUniqueConstraint('comment_mentions_unique', ['comment_id', 'user_id'])
      .execute();
    await db.schema
      .createIndex('comment_mentions_by_user')
      .on('comment_mentions')
      .columns(['user_id', 'read_at'])
      .execute();
  },
  // 4. Evidence: observations per metric, area, period and breakdown, imported in batches.
  async ({ db, kind, t }) => {
    const sources = sql`source in ('fingertips', 'local', 'sample')`;
    await db.schema
      .createTable('observation_batches')
      .addColumn('id', t.text, (c) => c.primaryKey())
      .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
      .addColumn('source', t.text, (c) => c.notNull().check(sources))
      .addColumn('file_name', t.text, (c) => c.notNull())
      .addColumn('imported_by', t.text, (c) => c.references('users.id').onDelete('set null'))
      .addColumn('imported_at', t.text, (c) => c.notNull())
      .addColumn('created', t.integer, (c) => c.notNull())
      .addColumn('changed', t.integer, (c) => c.notNull())
      .addColumn('unchanged', t.integer, (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('observation_batches_by_partnership')
      .on('observation_batches')
      .columns(['partnership_id', 'imported_at'])
      .execute();
    await withoutRowId(
      kind,
      db.schema
        .createTable('observations')
        .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
        .addColumn('metric_id', t.text, (c) => c.notNull())
        .addColumn('area_code', t.text, (c) => c.notNull())
        .addColumn('area_name', t.text, (c) => c.notNull())
        .addColumn('period', t.text, (c) => c.notNull())
        .addColumn('period_key', t.integer, (c) => c.notNull())
        .addColumn('category_type', t.text, (c) => c.notNull().defaultTo(''))
        .addColumn('category', t.text, (c) => c.notNull().defaultTo(''))
        .addColumn('value', t.real)
        .addColumn('lower_ci', t.real)
        .addColumn('upper_ci', t.real)
        .addColumn('count', t.real)
        .addColumn('denominator', t.real)
        .addColumn('note', t.text, (c) => c.notNull().defaultTo(''))
        .addColumn('source', t.text, (c) => c.notNull().check(sources))
        .addColumn('imported_at', t.text, (c) => c.notNull())
        .addColumn('batch_id', t.text, (c) => c.notNull().references('observation_batches.id'))
        .addPrimaryKeyConstraint('observations_pk', [
          'partnership_id',
          'metric_id',
          'area_code',
          'period',
          'category_type',
          'category',
        ]),
    ).execute();
  },
  // 5. Anonymous rounds keep no time of voting: times stored before this release are blanked, as new ones are.
  async ({ db }) => {
    await db
      .updateTable('round_voters')
      .set({ voted_at: '' })
      .where('round_id', 'in', db.selectFrom('rounds').select('id').where('anonymous', '=', 1))
      .execute();
  },
  // 6. Board cycles: versions, meetings, the actions log, and the authors of documents' Yjs client ids.
  createCycleTables,
  // 7. The electorate of each round, frozen when it opens (rounds already open or closed are frozen here).
  createRoundElectorate,
  // 8. Fingertips indicator metadata: polarity, unit, value type, definition and methods per indicator id.
  createIndicatorMetadata,
  // 9. Comparator areas, and the 99.8% limits and Fingertips' own comparisons kept with each observation.
  createComparatorAreas,
  // 10. Each ballot keeps the hash of its voter's receipt code, for the list a closed round publishes.
  addBallotReceipts,
  // 11. API tokens get a scope (read-only or read-write) and an optional expiry.
  addTokenScopes,
  // 12. Networks of places: coordinators and their invitations, members and what they share, template versions, choices.
  createNetworkTables,
  // 13. Email: the outbox (kept even without SMTP) and each person's notification preferences.
  createMailTables,
];

/** The schema version this code writes and reads. */
export const schemaVersion = migrationSteps.length;

/** A store whose schema was written by newer code than this: starting would risk misreading or damaging it. */
export class SchemaTooNewError extends Error {
  constructor(found: number) {
    super(
      `the database's schema is version ${found}, newer than this version of Common Ground understands ` +
        `(${schemaVersion}); run the newer version, or restore a backup taken before it ran`,
    );
  }
}

/**
 * Brings the schema up to date, one step per transaction; safe on every start. On PostgreSQL an advisory lock makes
 * instances starting together migrate one at a time. A SQLite file from before `schema_version` existed counted its
 * steps in `PRAGMA user_version`; those steps are the first four here, so the count is carried over.
 */
export async function migrate(db: Kysely<Tables>, kind: StoreKind): Promise<void> {
  const t = columnTypes(kind);
  await db.connection().execute(async (connection) => {
    if (kind === 'postgres') await sql`select pg_advisory_lock(${migrationLockKey})`.execute(connection);
    try {
      const current = await storedSchemaVersion(connection, kind);
      if (current > schemaVersion) throw new SchemaTooNewError(current);
      await connection.schema
        .createTable('schema_version')
        .ifNotExists()
        .addColumn('id', t.integer, (c) => c.primaryKey())
        .addColumn('version', t.integer, (c) => c.notNull())
        .addColumn('migrated_at', t.text, (c) => c.notNull())
        .execute();
      await connection
        .insertInto('schema_version')
        .values({ id: 1, version: current, migrated_at: new Date().toISOString() })
        .onConflict((conflict) => conflict.column('id').doNothing())
        .execute();
      for (let version = current; version < schemaVersion; version++) {
        await connection.transaction().execute(async (trx) => {
          await migrationSteps[version]!({ db: trx, kind, t });
          await trx
            .updateTable('schema_version')
            .set({ version: version + 1, migrated_at: new Date().toISOString() })
            .where('id', '=', 1)
            .execute();
        });
      }
    } finally {
      if (kind === 'postgres') await sql`select pg_advisory_unlock(${migrationLockKey})`.execute(connection);
    }
  });
}

/** The schema version recorded in the store, or null for a store that has never been migrated by this code. */
export async function readVersion(db: Kysely<Tables>): Promise<number | null> {
  const row = await db.selectFrom('schema_version').select('version').where('id', '=', 1).executeTakeFirst();
  return row ? Number(row.version) : null;
}

/**
 * The schema version a store holds, without changing it: its `schema_version` row, else (a SQLite file from before
 * that table) `PRAGMA user_version`, else 0 for an empty database. For tools that must not migrate (db:copy).
 */
export async function storedSchemaVersion(db: Kysely<Tables>, kind: StoreKind): Promise<number> {
  const recorded = (await hasVersionTable(db, kind)) ? await readVersion(db) : null;
  if (recorded !== null) return recorded;
  return kind === 'sqlite' ? legacyUserVersion(db) : 0;
}

// On PostgreSQL only the schema the connection stores in counts (tests keep a schema each in one database).
async function hasVersionTable(db: Kysely<Tables>, kind: StoreKind): Promise<boolean> {
  if (kind === 'postgres') {
    const { rows } = await sql<{ found: string | null }>`select to_regclass('schema_version')::text as found`.execute(
      db,
    );
    return rows[0]?.found != null;
  }
  return (await db.introspection.getTables()).some((table) => table.name === 'schema_version');
}

async function legacyUserVersion(db: Kysely<Tables>): Promise<number> {
  const { rows } = await sql<{ user_version: number }>`pragma user_version`.execute(db);
  return Number(rows[0]?.user_version ?? 0);
}

/** Advisory lock keys (PostgreSQL), one per kind of work that must run on one instance at a time. */
const migrationLockKey = 0x636700; // "cg" 00
/**
 * Held (`Store.withAdvisoryLock`) while an instance seeds the demo partnership and prepares the first run, so
 * instances started together on an empty database do not both seed. 0x636701 is the compaction lock space.
 */
export const seedingLockKey = 0x636702; // "cg" 02
