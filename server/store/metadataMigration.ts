import type { Kysely } from 'kysely';
import type { ColumnTypes } from './columnTypes.ts';
import type { Tables } from './schema.ts';

/**
 * Migration step 8: Fingertips indicator metadata per partnership, one row per indicator id, as the partnership last
 * imported it. The texts are kept as Fingertips wrote them beside the keys read from them (null where the file said
 * nothing), so a later version can read a text we do not understand yet without asking for the file again.
 */
export async function createIndicatorMetadata({ db, t }: { db: Kysely<Tables>; t: ColumnTypes }): Promise<void> {
  await db.schema
    .createTable('indicator_metadata')
    .ifNotExists()
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('fingertips_id', t.text, (c) => c.notNull())
    .addColumn('name', t.text, (c) => c.notNull())
    .addColumn('definition', t.text, (c) => c.notNull())
    .addColumn('rationale', t.text, (c) => c.notNull())
    .addColumn('unit', t.text, (c) => c.notNull())
    .addColumn('value_type_text', t.text, (c) => c.notNull())
    .addColumn('value_type', t.text)
    .addColumn('polarity_text', t.text, (c) => c.notNull())
    .addColumn('polarity', t.text)
    .addColumn('data_source', t.text, (c) => c.notNull())
    .addColumn('frequency', t.text, (c) => c.notNull())
    .addColumn('ci_method', t.text, (c) => c.notNull())
    .addColumn('comparison_method_text', t.text, (c) => c.notNull())
    .addColumn('comparison_method', t.text)
    .addColumn('imported_by', t.text, (c) => c.references('users.id').onDelete('set null'))
    .addColumn('imported_at', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_metadata_pk', ['partnership_id', 'fingertips_id'])
    .execute();
}
