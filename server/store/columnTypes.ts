import { sql, type ColumnDataType, type Expression } from 'kysely';

/** Which database a store runs on. */
export type StoreKind = 'sqlite' | 'postgres';

export type ColumnType = ColumnDataType | Expression<unknown>;

/**
 * Column types that read back as the same JavaScript values on both databases. Text is compared byte by byte on
 * PostgreSQL (collation "C", as SQLite's BINARY) so that every ORDER BY answers in the same order on both.
 */
export interface ColumnTypes {
  text: ColumnType;
  /** 0/1 flags, small counts, positions. */
  integer: ColumnType;
  /** Epoch milliseconds (sessions, setup links): past 32 bits. */
  epochMs: ColumnType;
  real: ColumnType;
  binary: ColumnType;
  /** An ever-growing id filled in by the database (audit entries, document updates). */
  serial: ColumnType;
}

export function columnTypes(kind: StoreKind): ColumnTypes {
  if (kind === 'postgres') {
    return {
      text: sql`text collate "C"`,
      integer: 'integer',
      epochMs: 'bigint',
      real: 'double precision',
      binary: 'bytea',
      serial: 'bigserial',
    };
  }
  return { text: 'text', integer: 'integer', epochMs: 'integer', real: 'real', binary: 'blob', serial: 'integer' };
}
