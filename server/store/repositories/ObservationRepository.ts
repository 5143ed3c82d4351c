import type { Selectable, SelectQueryBuilder } from 'kysely';
import type { ImportBatch, ObservationSource } from '../../../shared/schemas/observations.ts';
import { observationKey, type ObservationDraft } from '../../evidence/observationDraft.ts';
import type { ObservationsTable, Tables } from '../schema.ts';
import { chunks } from '../batches.ts';
import type { SqlContext } from '../Store.ts';

/** An observation as stored, before suppression. */
export interface StoredObservation extends ObservationDraft {
  importedAt: string;
  batchId: string;
}

/** How an upsert went: rows new to the partnership, rows whose values changed, rows already as the file has them. */
export interface UpsertCounts {
  created: number;
  changed: number;
  unchanged: number;
}

/** What a batch records about one import. */
export interface BatchRecord {
  id: string;
  partnershipId: string;
  source: ObservationSource;
  fileName: string;
  importedBy: string | null;
  importedAt: string;
}

/** Per metric: how many observations, the latest period, and where they came from. */
export interface MetricObservationsOverview {
  metricId: string;
  observations: number;
  latestPeriod: string;
  sources: ObservationSource[];
}

/** Observations and import batches in SQL (not in the workspace doc: they are many, and imported, not co-typed). */
export interface ObservationRepository {
  /**
   * Counts what an upsert of `drafts` would do and, when something would change, records `batch` and stores the new
   * and changed rows. Several statements: run it in a unit of work (`store.transaction`), so a failure part-way
   * leaves nothing behind. A batch is recorded only when rows change, so importing the same file again changes
   * nothing at all. Drafts repeating a key count once (the first is kept).
   */
  upsert(partnershipId: string, drafts: readonly ObservationDraft[], batch: BatchRecord): Promise<UpsertCounts>;
  /** One metric's observations, oldest period first. */
  forMetric(partnershipId: string, metricId: string): Promise<StoredObservation[]>;
  /** The observations of several metrics (whole population only when asked), oldest period first. */
  forMetrics(
    partnershipId: string,
    metricIds: readonly string[],
    wholePopulationOnly: boolean,
  ): Promise<StoredObservation[]>;
  /** Every observation of a partnership, for the export. */
  all(partnershipId: string): Promise<StoredObservation[]>;
  /** Per metric (by id): how many observations, the latest period, and where they came from (sorted). */
  overview(partnershipId: string): Promise<MetricObservationsOverview[]>;
  /** The areas a partnership has observations for (by code), with a name for each. */
  areas(partnershipId: string): Promise<{ code: string; name: string }[]>;
  /** The imports that changed something, newest first. */
  batches(partnershipId: string, limit?: number): Promise<ImportBatch[]>;
  /** Whether a partnership has any observations yet (the demo is seeded only once). */
  hasAny(partnershipId: string): Promise<boolean>;
  /** The partnership's comparator areas, in the order chosen. */
  comparatorAreas(partnershipId: string): Promise<ComparatorAreaRecord[]>;
  /** Replaces the partnership's comparator areas with `areas`, in that order (two statements: use a unit of work). */
  setComparatorAreas(partnershipId: string, areas: readonly ComparatorAreaRecord[]): Promise<void>;
  /** Remembers the areas an import named (kept or not), with the latest name and type each was seen under. */
  recordSeenAreas(partnershipId: string, areas: readonly SeenAreaRecord[], seenAt: string): Promise<void>;
  /** The areas imports have named, by code. */
  seenAreas(partnershipId: string): Promise<SeenAreaRecord[]>;
}

/** An area an import named: its code, name and Fingertips "Area Type". */
export interface SeenAreaRecord {
  code: string;
  name: string;
  type: string;
}

/** A comparator area as stored: its ONS code and the name it was chosen under. */
export interface ComparatorAreaRecord {
  code: string;
  name: string;
}

type ObservationRow = Selectable<ObservationsTable>;
type ObservationQuery = SelectQueryBuilder<Tables, 'observations', ObservationRow>;

/** The order every series is read in: by metric, oldest period first, then area and breakdown (ties by period text). */
const inSeriesOrder = (query: ObservationQuery): ObservationQuery =>
  query
    .orderBy('metric_id')
    .orderBy('period_key')
    .orderBy('area_code')
    .orderBy('category_type')
    .orderBy('category')
    .orderBy('period');

const toObservation = (row: ObservationRow): StoredObservation => ({
  metricId: row.metric_id,
  areaCode: row.area_code,
  areaName: row.area_name,
  period: row.period,
  periodKey: row.period_key,
  categoryType: row.category_type,
  category: row.category,
  value: row.value,
  lowerCi: row.lower_ci,
  upperCi: row.upper_ci,
  count: row.count,
  denominator: row.denominator,
  note: row.note,
  source: row.source as ObservationSource,
  importedAt: row.imported_at,
  batchId: row.batch_id,
  lowerCi998: row.lower_ci_998,
  upperCi998: row.upper_ci_998,
  quintile: row.quintile,
  fingertipsVsEngland: row.fingertips_vs_england,
  fingertipsVsRegion: row.fingertips_vs_region,
});

const keyColumns = ['metric_id', 'area_code', 'period', 'category_type', 'category'] as const;
const valueColumns = [
  'area_name',
  'period_key',
  'value',
  'lower_ci',
  'upper_ci',
  'count',
  'denominator',
  'note',
  'source',
  'lower_ci_998',
  'upper_ci_998',
  'quintile',
  'fingertips_vs_england',
  'fingertips_vs_region',
] as const;

type Existing = Pick<ObservationRow, (typeof keyColumns)[number] | (typeof valueColumns)[number]>;

function unchanged(row: Existing, draft: ObservationDraft): boolean {
  return (
    row.area_name === draft.areaName &&
    row.period_key === draft.periodKey &&
    row.value === draft.value &&
    row.lower_ci === draft.lowerCi &&
    row.upper_ci === draft.upperCi &&
    row.count === draft.count &&
    row.denominator === draft.denominator &&
    row.note === draft.note &&
    row.source === draft.source &&
    row.lower_ci_998 === draft.lowerCi998 &&
    row.upper_ci_998 === draft.upperCi998 &&
    row.quintile === draft.quintile &&
    row.fingertips_vs_england === draft.fingertipsVsEngland &&
    row.fingertips_vs_region === draft.fingertipsVsRegion
  );
}

export function createObservationRepository({ db }: SqlContext): ObservationRepository {
  const observationsOf = (partnershipId: string): ObservationQuery =>
    db.selectFrom('observations').selectAll().where('partnership_id', '=', partnershipId);
  return {
    async upsert(partnershipId, drafts, batch) {
      const unique = new Map<string, ObservationDraft>();
      for (const draft of drafts) {
        const key = observationKey(draft);
        if (!unique.has(key)) unique.set(key, draft);
      }
      const existing = new Map<string, Existing>();
      const metricIds = [...new Set(Array.from(unique.values(), (draft) => draft.metricId))];
      for (const ids of chunks(metricIds)) {
        const rows = await db
          .selectFrom('observations')
          .select([...keyColumns, ...valueColumns])
          .where('partnership_id', '=', partnershipId)
          .where('metric_id', 'in', ids)
          .execute();
        for (const row of rows) {
          existing.set(
            observationKey({
              metricId: row.metric_id,
              areaCode: row.area_code,
              period: row.period,
              categoryType: row.category_type,
              category: row.category,
            }),
            row,
          );
        }
      }

      const counts: UpsertCounts = { created: 0, changed: 0, unchanged: 0 };
      const toWrite: ObservationDraft[] = [];
      for (const [key, draft] of unique) {
        const row = existing.get(key);
        if (!row) counts.created += 1;
        else if (unchanged(row, draft)) {
          counts.unchanged += 1;
          continue;
        } else counts.changed += 1;
        toWrite.push(draft);
      }
      if (toWrite.length === 0) return counts;

      await db
        .insertInto('observation_batches')
        .values({
          id: batch.id,
          partnership_id: partnershipId,
          source: batch.source,
          file_name: batch.fileName,
          imported_by: batch.importedBy,
          imported_at: batch.importedAt,
          created: counts.created,
          changed: counts.changed,
          unchanged: counts.unchanged,
        })
        .execute();
      // New and changed rows alike, as one upsert per chunk: a row another import stored meanwhile is overwritten
      // rather than failing the whole file.
      for (const chunk of chunks(toWrite)) {
        await db
          .insertInto('observations')
          .values(
            chunk.map((d) => ({
              partnership_id: partnershipId,
              metric_id: d.metricId,
              area_code: d.areaCode,
              area_name: d.areaName,
              period: d.period,
              period_key: d.periodKey,
              category_type: d.categoryType,
              category: d.category,
              value: d.value,
              lower_ci: d.lowerCi,
              upper_ci: d.upperCi,
              count: d.count,
              denominator: d.denominator,
              note: d.note,
              source: d.source,
              imported_at: batch.importedAt,
              batch_id: batch.id,
              lower_ci_998: d.lowerCi998,
              upper_ci_998: d.upperCi998,
              quintile: d.quintile,
              fingertips_vs_england: d.fingertipsVsEngland,
              fingertips_vs_region: d.fingertipsVsRegion,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['partnership_id', ...keyColumns]).doUpdateSet((eb) => ({
              area_name: eb.ref('excluded.area_name'),
              period_key: eb.ref('excluded.period_key'),
              value: eb.ref('excluded.value'),
              lower_ci: eb.ref('excluded.lower_ci'),
              upper_ci: eb.ref('excluded.upper_ci'),
              count: eb.ref('excluded.count'),
              denominator: eb.ref('excluded.denominator'),
              note: eb.ref('excluded.note'),
              source: eb.ref('excluded.source'),
              imported_at: eb.ref('excluded.imported_at'),
              batch_id: eb.ref('excluded.batch_id'),
              lower_ci_998: eb.ref('excluded.lower_ci_998'),
              upper_ci_998: eb.ref('excluded.upper_ci_998'),
              quintile: eb.ref('excluded.quintile'),
              fingertips_vs_england: eb.ref('excluded.fingertips_vs_england'),
              fingertips_vs_region: eb.ref('excluded.fingertips_vs_region'),
            })),
          )
          .execute();
      }
      return counts;
    },

    async forMetric(partnershipId, metricId) {
      const rows = await observationsOf(partnershipId).where('metric_id', '=', metricId).$call(inSeriesOrder).execute();
      return rows.map(toObservation);
    },

    async forMetrics(partnershipId, metricIds, wholePopulationOnly) {
      // At most a hundred ids (the series query's limit): one statement.
      if (metricIds.length === 0) return [];
      let query = observationsOf(partnershipId).where('metric_id', 'in', [...metricIds]);
      if (wholePopulationOnly) query = query.where('category_type', '=', '');
      const rows = await query.$call(inSeriesOrder).execute();
      return rows.map(toObservation);
    },

    async all(partnershipId) {
      const rows = await observationsOf(partnershipId).$call(inSeriesOrder).execute();
      return rows.map(toObservation);
    },

    async overview(partnershipId) {
      const rows = await db
        .selectFrom('observations as o')
        .where('o.partnership_id', '=', partnershipId)
        .groupBy('o.metric_id')
        .select((eb) => [
          'o.metric_id',
          eb.fn.countAll<number>().as('n'),
          eb
            .selectFrom('observations as latest')
            .select('latest.period')
            .where('latest.partnership_id', '=', partnershipId)
            .whereRef('latest.metric_id', '=', 'o.metric_id')
            .orderBy('latest.period_key', 'desc')
            .orderBy('latest.period', 'desc')
            .limit(1)
            .as('latest'),
        ])
        .orderBy('o.metric_id')
        .execute();
      const sourceRows = await db
        .selectFrom('observations')
        .select(['metric_id', 'source'])
        .distinct()
        .where('partnership_id', '=', partnershipId)
        .orderBy('metric_id')
        .orderBy('source')
        .execute();
      const sources = new Map<string, ObservationSource[]>();
      for (const row of sourceRows) {
        sources.set(row.metric_id, [...(sources.get(row.metric_id) ?? []), row.source as ObservationSource]);
      }
      return rows.map((row) => ({
        metricId: row.metric_id,
        observations: Number(row.n),
        latestPeriod: row.latest ?? '',
        sources: sources.get(row.metric_id) ?? [],
      }));
    },

    async areas(partnershipId) {
      return db
        .selectFrom('observations')
        .select((eb) => ['area_code as code', eb.fn.max('area_name').as('name')])
        .where('partnership_id', '=', partnershipId)
        .groupBy('area_code')
        .orderBy('area_code')
        .execute();
    },

    async batches(partnershipId, limit = 50) {
      const rows = await db
        .selectFrom('observation_batches as b')
        .leftJoin('users as u', 'u.id', 'b.imported_by')
        .select([
          'b.id',
          'b.source',
          'b.file_name',
          'b.imported_at',
          'u.display_name as imported_by',
          'b.created',
          'b.changed',
          'b.unchanged',
        ])
        .where('b.partnership_id', '=', partnershipId)
        .orderBy('b.imported_at', 'desc')
        .orderBy('b.id', 'desc')
        .limit(limit)
        .execute();
      return rows.map((row) => ({
        id: row.id,
        source: row.source as ObservationSource,
        fileName: row.file_name,
        importedAt: row.imported_at,
        importedBy: row.imported_by,
        created: Number(row.created),
        changed: Number(row.changed),
        unchanged: Number(row.unchanged),
      }));
    },

    async hasAny(partnershipId) {
      const row = await db
        .selectFrom('observations')
        .select('metric_id')
        .where('partnership_id', '=', partnershipId)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },

    async comparatorAreas(partnershipId) {
      return db
        .selectFrom('comparator_areas')
        .select(['area_code as code', 'area_name as name'])
        .where('partnership_id', '=', partnershipId)
        .orderBy('position')
        .execute();
    },

    async recordSeenAreas(partnershipId, areas, seenAt) {
      for (const chunk of chunks(areas)) {
        await db
          .insertInto('seen_areas')
          .values(
            chunk.map((area) => ({
              partnership_id: partnershipId,
              area_code: area.code,
              area_name: area.name,
              area_type: area.type,
              seen_at: seenAt,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['partnership_id', 'area_code']).doUpdateSet((eb) => ({
              area_name: eb.ref('excluded.area_name'),
              area_type: eb.ref('excluded.area_type'),
              seen_at: eb.ref('excluded.seen_at'),
            })),
          )
          .execute();
      }
    },

    async seenAreas(partnershipId) {
      return db
        .selectFrom('seen_areas')
        .select(['area_code as code', 'area_name as name', 'area_type as type'])
        .where('partnership_id', '=', partnershipId)
        .orderBy('area_code')
        .execute();
    },

    async setComparatorAreas(partnershipId, areas) {
      await db.deleteFrom('comparator_areas').where('partnership_id', '=', partnershipId).execute();
      if (areas.length === 0) return;
      await db
        .insertInto('comparator_areas')
        .values(
          areas.map((area, position) => ({
            partnership_id: partnershipId,
            area_code: area.code,
            area_name: area.name,
            position,
          })),
        )
        .execute();
    },
  };
}
