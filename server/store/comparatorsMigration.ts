import type { Kysely } from 'kysely';
import type { ColumnTypes, StoreKind } from './columnTypes.ts';
import type { Tables } from './schema.ts';
import { addColumnIfMissing } from './schemaChanges.ts';

/**
 * Migration step 9: what comparisons by Fingertips' own methods need. Each observation keeps its 99.8% limits (the
 * second tier of the interval methods), its quintile among every area of its type in the imported file (the method
 * for indicators with no polarity: once the other areas are dropped it could not be worked out again), and the
 * export's own "Compared to England/region" texts, so our judgement can be checked against Fingertips'.
 * `comparator_areas` holds the areas a partnership compares itself with (its statistical neighbours, or any it
 * names), in the order it chose them; their rows are kept by the next all-data import. `seen_areas` remembers every
 * area an all-data import named (most are dropped), so the areas can be offered as comparators before their rows are
 * kept.
 */
export async function createComparatorAreas({
  db,
  kind,
  t,
}: {
  db: Kysely<Tables>;
  kind: StoreKind;
  t: ColumnTypes;
}): Promise<void> {
  // Written to run again over its own result (a store whose recorded version was set back): columns and the table
  // are added only when missing.
  const columns = [
    ['lower_ci_998', t.real],
    ['upper_ci_998', t.real],
    ['quintile', t.integer],
    ['fingertips_vs_england', t.text],
    ['fingertips_vs_region', t.text],
  ] as const;
  // One column per statement: SQLite adds one at a time.
  for (const [name, type] of columns) await addColumnIfMissing(db, kind, 'observations', name, type);
  await db.schema
    .createTable('comparator_areas')
    .ifNotExists()
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('area_code', t.text, (c) => c.notNull())
    .addColumn('area_name', t.text, (c) => c.notNull())
    .addColumn('position', t.integer, (c) => c.notNull())
    .addPrimaryKeyConstraint('comparator_areas_pk', ['partnership_id', 'area_code'])
    .execute();
  await db.schema
    .createTable('seen_areas')
    .ifNotExists()
    .addColumn('partnership_id', t.text, (c) => c.notNull().references('partnerships.id').onDelete('cascade'))
    .addColumn('area_code', t.text, (c) => c.notNull())
    .addColumn('area_name', t.text, (c) => c.notNull())
    .addColumn('area_type', t.text, (c) => c.notNull())
    .addColumn('seen_at', t.text, (c) => c.notNull())
    .addPrimaryKeyConstraint('seen_areas_pk', ['partnership_id', 'area_code'])
    .execute();
}
