import type { Database, Statement } from 'better-sqlite3';
import type { ImportBatch, ObservationSource } from '../../shared/schemas/observations.ts';
import type { ObservationDraft } from './observationDraft.ts';

/** An observation as stored, before suppression. */
export interface StoredObservation extends ObservationDraft {
  importedAt: string;
  batchId: string;
}

interface ObservationRow {
  metric_id: string;
  area_code: string;
  area_name: string;
  period: string;
  period_key: number;
  category_type: string;
  category: string;
  value: number | null;
  lower_ci: number | null;
  upper_ci: number | null;
  count: number | null;
  denominator: number | null;
  note: string;
  source: ObservationSource;
  imported_at: string;
  batch_id: string;
}

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
  source: row.source,
  importedAt: row.imported_at,
  batchId: row.batch_id,
});

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

type Existing = Pick<
  ObservationRow,
  'area_name' | 'period_key' | 'value' | 'lower_ci' | 'upper_ci' | 'count' | 'denominator' | 'note' | 'source'
>;

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
    row.source === draft.source
  );
}

const keyWhere = `partnership_id = ? AND metric_id = ? AND area_code = ? AND period = ? AND category_type = ? AND category = ?`;

/** Observations and import batches in SQL (not in the workspace doc: they are many, and imported, not co-typed). */
export class ObservationRepository {
  readonly #db: Database;
  readonly #find: Statement<unknown[], Existing>;
  readonly #insert: Statement<unknown[]>;
  readonly #update: Statement<unknown[]>;
  readonly #insertBatch: Statement<unknown[]>;
  readonly #byMetric: Statement<[string, string], ObservationRow>;
  readonly #all: Statement<[string], ObservationRow>;

  constructor(db: Database) {
    this.#db = db;
    this.#find = db.prepare(
      `SELECT area_name, period_key, value, lower_ci, upper_ci, count, denominator, note, source FROM observations WHERE ${keyWhere}`,
    );
    this.#insert = db.prepare(
      `INSERT INTO observations (partnership_id, metric_id, area_code, area_name, period, period_key, category_type, category,
        value, lower_ci, upper_ci, count, denominator, note, source, imported_at, batch_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#update = db.prepare(
      `UPDATE observations SET area_name = ?, period_key = ?, value = ?, lower_ci = ?, upper_ci = ?, count = ?,
        denominator = ?, note = ?, source = ?, imported_at = ?, batch_id = ? WHERE ${keyWhere}`,
    );
    this.#insertBatch = db.prepare(
      `INSERT INTO observation_batches (id, partnership_id, source, file_name, imported_by, imported_at, created, changed, unchanged)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.#byMetric = db.prepare(
      `SELECT * FROM observations WHERE partnership_id = ? AND metric_id = ? ORDER BY period_key, area_code, category_type, category`,
    );
    this.#all = db.prepare(
      `SELECT * FROM observations WHERE partnership_id = ? ORDER BY metric_id, period_key, area_code, category_type, category`,
    );
  }

  /**
   * Counts what an upsert of `drafts` would do, and when `batch` is given and something would change, does it — all
   * in one transaction, so a failure part-way leaves nothing behind. A batch is recorded only when rows change, so
   * importing the same file again changes nothing at all.
   */
  upsert(partnershipId: string, drafts: readonly ObservationDraft[], batch: BatchRecord): UpsertCounts {
    return this.#db.transaction((): UpsertCounts => {
      const counts: UpsertCounts = { created: 0, changed: 0, unchanged: 0 };
      const toInsert: ObservationDraft[] = [];
      const toUpdate: ObservationDraft[] = [];
      for (const draft of drafts) {
        const key = [partnershipId, draft.metricId, draft.areaCode, draft.period, draft.categoryType, draft.category];
        const existing = this.#find.get(...key);
        if (!existing) toInsert.push(draft);
        else if (unchanged(existing, draft)) counts.unchanged += 1;
        else toUpdate.push(draft);
      }
      counts.created = toInsert.length;
      counts.changed = toUpdate.length;
      if (toInsert.length + toUpdate.length === 0) return counts;
      this.#insertBatch.run(
        batch.id,
        partnershipId,
        batch.source,
        batch.fileName,
        batch.importedBy,
        batch.importedAt,
        counts.created,
        counts.changed,
        counts.unchanged,
      );
      for (const d of toInsert) {
        this.#insert.run(
          partnershipId,
          d.metricId,
          d.areaCode,
          d.areaName,
          d.period,
          d.periodKey,
          d.categoryType,
          d.category,
          d.value,
          d.lowerCi,
          d.upperCi,
          d.count,
          d.denominator,
          d.note,
          d.source,
          batch.importedAt,
          batch.id,
        );
      }
      for (const d of toUpdate) {
        this.#update.run(
          d.areaName,
          d.periodKey,
          d.value,
          d.lowerCi,
          d.upperCi,
          d.count,
          d.denominator,
          d.note,
          d.source,
          batch.importedAt,
          batch.id,
          partnershipId,
          d.metricId,
          d.areaCode,
          d.period,
          d.categoryType,
          d.category,
        );
      }
      return counts;
    })();
  }

  /** One metric's observations, oldest period first. */
  forMetric(partnershipId: string, metricId: string): StoredObservation[] {
    return this.#byMetric.all(partnershipId, metricId).map(toObservation);
  }

  /** The observations of several metrics (whole population only when asked), oldest period first. */
  forMetrics(partnershipId: string, metricIds: readonly string[], wholePopulationOnly: boolean): StoredObservation[] {
    if (metricIds.length === 0) return [];
    const marks = metricIds.map(() => '?').join(', ');
    const population = wholePopulationOnly ? `AND category_type = ''` : '';
    return this.#db
      .prepare<unknown[], ObservationRow>(
        `SELECT * FROM observations WHERE partnership_id = ? AND metric_id IN (${marks}) ${population}
         ORDER BY metric_id, period_key, area_code`,
      )
      .all(partnershipId, ...metricIds)
      .map(toObservation);
  }

  /** Every observation of a partnership, for the export. */
  all(partnershipId: string): StoredObservation[] {
    return this.#all.all(partnershipId).map(toObservation);
  }

  /** Per metric: how many observations, the latest period, and where they came from. */
  overview(
    partnershipId: string,
  ): { metricId: string; observations: number; latestPeriod: string; sources: ObservationSource[] }[] {
    const rows = this.#db
      .prepare<[string, string], { metric_id: string; n: number; latest: string; sources: string }>(
        `SELECT metric_id, COUNT(*) AS n,
           (SELECT period FROM observations o2 WHERE o2.partnership_id = ? AND o2.metric_id = o.metric_id ORDER BY period_key DESC LIMIT 1) AS latest,
           GROUP_CONCAT(DISTINCT source) AS sources
         FROM observations o WHERE partnership_id = ? GROUP BY metric_id`,
      )
      .all(partnershipId, partnershipId);
    return rows.map((row) => ({
      metricId: row.metric_id,
      observations: row.n,
      latestPeriod: row.latest,
      sources: row.sources.split(',') as ObservationSource[],
    }));
  }

  /** The areas a partnership has observations for, with a name for each. */
  areas(partnershipId: string): { code: string; name: string }[] {
    return this.#db
      .prepare<[string], { code: string; name: string }>(
        `SELECT area_code AS code, MAX(area_name) AS name FROM observations WHERE partnership_id = ? GROUP BY area_code`,
      )
      .all(partnershipId);
  }

  /** The imports that changed something, newest first. */
  batches(partnershipId: string, limit = 50): ImportBatch[] {
    return this.#db
      .prepare<
        [string, number],
        {
          id: string;
          source: ObservationSource;
          file_name: string;
          imported_at: string;
          imported_by: string | null;
          created: number;
          changed: number;
          unchanged: number;
        }
      >(
        `SELECT b.id, b.source, b.file_name, b.imported_at, u.display_name AS imported_by, b.created, b.changed, b.unchanged
         FROM observation_batches b LEFT JOIN users u ON u.id = b.imported_by
         WHERE b.partnership_id = ? ORDER BY b.imported_at DESC LIMIT ?`,
      )
      .all(partnershipId, limit)
      .map((row) => ({
        id: row.id,
        source: row.source,
        fileName: row.file_name,
        importedAt: row.imported_at,
        importedBy: row.imported_by,
        created: row.created,
        changed: row.changed,
        unchanged: row.unchanged,
      }));
  }

  /** Whether a partnership has any observations yet (the demo is seeded only once). */
  hasAny(partnershipId: string): boolean {
    return (
      this.#db
        .prepare<[string], { n: number }>('SELECT COUNT(*) AS n FROM observations WHERE partnership_id = ?')
        .get(partnershipId)!.n > 0
    );
  }
}
