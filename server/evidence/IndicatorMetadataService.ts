import type * as Y from 'yjs';
import { readMetrics, updateMetric } from '../../shared/model/framework/index.ts';
import { planMetadataForMetric } from '../../shared/model/indicatorMetadata/index.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type {
  IndicatorMetadata,
  IndicatorMetadataImportReport,
  MetadataMetricField,
} from '../../shared/schemas/indicatorMetadata.ts';
import type { Principal } from '../auth/Principal.ts';
import type { Upload } from '../routes/defineRoute.ts';
import type { MetadataUpsertCounts } from '../store/repositories/IndicatorMetadataRepository.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { importRefused, ProblemList } from './importProblems.ts';
import { readIndicatorMetadata } from './indicatorMetadataImport.ts';
import { requireKind } from './upload.ts';

export interface IndicatorMetadataServiceDeps {
  /** The metadata and the audit log, and the unit of work an import runs in. */
  store: Repositories;
  docs: WorkspaceDocs;
  now?: () => Date;
}

type ReportedChanges = Pick<IndicatorMetadataImportReport, 'metricsUpdated' | 'overrides'>;

/** The sentence the report gives a kept local value. */
function overrideMessage(metric: Metric, field: MetadataMetricField, local: string, fingertips: string): string {
  const name = metric.name.trim() || 'an untitled metric';
  // A definition is too long to quote in a sentence; the report carries both texts beside it.
  if (field === 'definition') return `Kept the local definition for ${name}; Fingertips' definition differs`;
  return `Kept local ${field} '${local}' for ${name}; Fingertips says '${fingertips}'`;
}

/**
 * Writes the metadata into the metrics that use these indicators, by the rule in `planMetadataForMetric`, and says
 * what it wrote and what it kept. Runs inside a workspace doc transaction, against the doc as it is then.
 */
function applyMetadata(
  doc: Y.Doc,
  metadata: ReadonlyMap<string, IndicatorMetadata>,
  previous: ReadonlyMap<string, IndicatorMetadata>,
): ReportedChanges {
  const changes: ReportedChanges = { metricsUpdated: [], overrides: [] };
  for (const metric of readMetrics(doc).metrics) {
    const record = metric.fingertipsId ? metadata.get(metric.fingertipsId) : undefined;
    if (!record) continue;
    const plan = planMetadataForMetric(metric, record, previous.get(record.fingertipsId) ?? null);
    const fields = Object.keys(plan.patch) as MetadataMetricField[];
    if (fields.length > 0) {
      updateMetric(doc, metric.id, plan.patch);
      changes.metricsUpdated.push({ metricId: metric.id, fields });
    }
    for (const override of plan.overrides) {
      changes.overrides.push({
        ...override,
        metricId: metric.id,
        message: overrideMessage(metric, override.field, override.local, override.fingertips),
      });
    }
  }
  return changes;
}

/** Fingertips indicator metadata: the import, and what it writes into the framework's metrics. */
export class IndicatorMetadataService {
  readonly #deps: IndicatorMetadataServiceDeps;

  constructor(deps: IndicatorMetadataServiceDeps) {
    this.#deps = deps;
  }

  /**
   * Imports a Fingertips indicator metadata CSV, all-or-nothing: the metadata (and its audit entry) in one
   * transaction, then the metrics' polarity, unit and definition in the workspace doc. The doc is written after the
   * transaction (a doc write inside it would wait for the connection it holds on SQLite); should that write fail,
   * importing the file again writes the metrics, because their values still match the rule.
   */
  async importFingertips(
    principal: Principal,
    partnership: PartnershipRecord,
    upload: Upload,
    fileName: string,
    ip: string | null,
  ): Promise<IndicatorMetadataImportReport> {
    requireKind(upload.bytes, ['text'], 'a CSV file: download the indicator metadata from Fingertips as CSV');
    const read = await readIndicatorMetadata(upload.bytes);
    if (!read.problems.isEmpty) throw importRefused(read.problems);
    const importedAt = (this.#deps.now?.() ?? new Date()).toISOString();
    const ids = read.records.map((record) => record.fingertipsId);
    const previous = await this.#deps.store.indicatorMetadata.forIds(partnership.id, ids);
    let counts: MetadataUpsertCounts;
    try {
      counts = await this.#deps.store.transaction(async (tx) => {
        const upserted = await tx.indicatorMetadata.upsert(partnership.id, read.records, principal.user.id, importedAt);
        await tx.audit.record({
          action: 'indicator_metadata.imported',
          actorId: principal.user.id,
          partnershipId: partnership.id,
          target: fileName,
          details: { ...upserted },
          ip,
        });
        return upserted;
      });
    } catch (error) {
      const problems = new ProblemList();
      problems.add(
        null,
        null,
        `The metadata could not be stored (${error instanceof Error ? error.message : 'unknown error'})`,
      );
      throw importRefused(problems);
    }
    const stored = await this.#deps.store.indicatorMetadata.forIds(partnership.id, ids);
    const changes = await this.#deps.docs.change(partnership.id, (doc) => applyMetadata(doc, stored, previous));
    const used = await this.#deps.docs.read(
      partnership.id,
      (doc) =>
        new Set(readMetrics(doc).metrics.flatMap((metric) => (metric.fingertipsId ? [metric.fingertipsId] : []))),
    );
    return {
      rowsRead: read.rowsRead,
      ...counts,
      skippedIndicators: read.records
        .filter((record) => !used.has(record.fingertipsId))
        .map((record) => ({ indicatorId: record.fingertipsId, name: record.name })),
      ...changes,
      notes: read.notes,
    };
  }
}
