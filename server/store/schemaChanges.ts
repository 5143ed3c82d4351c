import { sql, type Kysely } from 'kysely';
import type { ColumnType, StoreKind } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/** Whether `table` in the store's own schema has `column` (PostgreSQL: the schema on the search path). */
async function hasColumn(db: Kysely<Tables>, kind: StoreKind, table: string, column: string): Promise<boolean> {
  const { rows } =
    kind === 'postgres'
      ? await sql`select 1 from information_schema.columns
          where table_schema = current_schema() and table_name = ${table} and column_name = ${column}`.execute(db)
      : await sql`select 1 from pragma_table_info(${table}) where name = ${column}`.execute(db);
  return rows.length > 0;
}

/**
 * Adds a nullable column unless the table has it already, so a step that adds columns can run again on a store
 * whose recorded version was set back (SQLite has no `add column if not exists`, and Kysely's builder offers none).
 * Looks only in the store's own schema: on PostgreSQL several stores may share a database, one schema each.
 */
export async function addColumnIfMissing(
  db: Kysely<Tables>,
  kind: StoreKind,
  table: keyof Tables,
  column: string,
  type: ColumnType,
): Promise<void> {
  if (await hasColumn(db, kind, table, column)) return;
  await db.schema.alterTable(table).addColumn(column, type).execute();
}
