import type { Selectable } from 'kysely';
import type { ComparisonMethod, ValueType } from '../../../shared/schemas/evidenceMethods.ts';
import type { Polarity } from '../../../shared/schemas/framework.ts';
import type { IndicatorMetadata } from '../../../shared/schemas/indicatorMetadata.ts';
import { sameMetadata, type IndicatorMetadataDraft } from '../../evidence/indicatorMetadataImport.ts';
import { chunks } from '../batches.ts';
import type { IndicatorMetadataTable } from '../schema.ts';
import type { SqlContext } from '../Store.ts';

/** How storing a metadata file went, per indicator. */
export interface MetadataUpsertCounts {
  created: number;
  changed: number;
  unchanged: number;
}

/** Fingertips indicator metadata per partnership, keyed by indicator id (SQL: imported, not co-typed). */
export interface IndicatorMetadataRepository {
  /**
   * Stores the metadata of the indicators in `records`, replacing what the partnership held for those ids (other ids
   * are left alone); rows already as the file has them are not rewritten. Several statements: run it in a unit of
   * work. Records repeating an id count once (the first is kept).
   */
  upsert(
    partnershipId: string,
    records: readonly IndicatorMetadataDraft[],
    importedBy: string | null,
    importedAt: string,
  ): Promise<MetadataUpsertCounts>;
  /** The stored metadata of these indicator ids (those the partnership has), by id. */
  forIds(partnershipId: string, fingertipsIds: readonly string[]): Promise<Map<string, IndicatorMetadata>>;
  /** One indicator's metadata, or null. */
  get(partnershipId: string, fingertipsId: string): Promise<IndicatorMetadata | null>;
  /** Every indicator's metadata of a partnership, by id in text order. */
  all(partnershipId: string): Promise<IndicatorMetadata[]>;
}

type MetadataRow = Selectable<IndicatorMetadataTable>;

const toMetadata = (row: MetadataRow): IndicatorMetadata => ({
  fingertipsId: row.fingertips_id,
  name: row.name,
  definition: row.definition,
  rationale: row.rationale,
  unit: row.unit,
  valueTypeText: row.value_type_text,
  valueType: row.value_type as ValueType | null,
  polarityText: row.polarity_text,
  polarity: row.polarity as Polarity | null,
  dataSource: row.data_source,
  frequency: row.frequency,
  ciMethod: row.ci_method,
  comparisonMethodText: row.comparison_method_text,
  comparisonMethod: row.comparison_method as ComparisonMethod | null,
  importedAt: row.imported_at,
});

const toDraft = ({ importedAt: _importedAt, ...draft }: IndicatorMetadata): IndicatorMetadataDraft => draft;

function toRow(
  partnershipId: string,
  record: IndicatorMetadataDraft,
  importedBy: string | null,
  importedAt: string,
): MetadataRow {
  return {
    partnership_id: partnershipId,
    fingertips_id: record.fingertipsId,
    name: record.name,
    definition: record.definition,
    rationale: record.rationale,
    unit: record.unit,
    value_type_text: record.valueTypeText,
    value_type: record.valueType,
    polarity_text: record.polarityText,
    polarity: record.polarity,
    data_source: record.dataSource,
    frequency: record.frequency,
    ci_method: record.ciMethod,
    comparison_method_text: record.comparisonMethodText,
    comparison_method: record.comparisonMethod,
    imported_by: importedBy,
    imported_at: importedAt,
  };
}

// Rows carry long texts: a smaller batch than observations keep statements well under the drivers' limits.
const rowsPerInsert = 50;

export function createIndicatorMetadataRepository({ db }: SqlContext): IndicatorMetadataRepository {
  const forIds: IndicatorMetadataRepository['forIds'] = async (partnershipId, fingertipsIds) => {
    const found = new Map<string, IndicatorMetadata>();
    for (const ids of chunks([...new Set(fingertipsIds)])) {
      const rows = await db
        .selectFrom('indicator_metadata')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('fingertips_id', 'in', ids)
        .execute();
      for (const row of rows) found.set(row.fingertips_id, toMetadata(row));
    }
    return found;
  };
  return {
    async upsert(partnershipId, records, importedBy, importedAt) {
      const unique = new Map<string, IndicatorMetadataDraft>();
      for (const record of records) if (!unique.has(record.fingertipsId)) unique.set(record.fingertipsId, record);
      const existing = await forIds(partnershipId, [...unique.keys()]);
      const counts: MetadataUpsertCounts = { created: 0, changed: 0, unchanged: 0 };
      const replaced: string[] = [];
      const written: MetadataRow[] = [];
      for (const [id, record] of unique) {
        const stored = existing.get(id);
        if (stored && sameMetadata(toDraft(stored), record)) {
          counts.unchanged += 1;
          continue;
        }
        if (stored) {
          counts.changed += 1;
          replaced.push(id);
        } else counts.created += 1;
        written.push(toRow(partnershipId, record, importedBy, importedAt));
      }
      for (const ids of chunks(replaced)) {
        await db
          .deleteFrom('indicator_metadata')
          .where('partnership_id', '=', partnershipId)
          .where('fingertips_id', 'in', ids)
          .execute();
      }
      for (const rows of chunks(written, rowsPerInsert))
        await db.insertInto('indicator_metadata').values(rows).execute();
      return counts;
    },
    forIds,
    async get(partnershipId, fingertipsId) {
      const row = await db
        .selectFrom('indicator_metadata')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .where('fingertips_id', '=', fingertipsId)
        .executeTakeFirst();
      return row ? toMetadata(row) : null;
    },
    async all(partnershipId) {
      const rows = await db
        .selectFrom('indicator_metadata')
        .selectAll()
        .where('partnership_id', '=', partnershipId)
        .orderBy('fingertips_id')
        .execute();
      return rows.map(toMetadata);
    },
  };
}
