import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { readMetrics, readMetric } from '../../shared/model/framework/index.ts';
import { smallCountThreshold, suppressSmallCount } from '../../shared/model/evidence/suppression.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type {
  EvidenceOverview,
  EvidenceSeries,
  ImportBatch,
  MetricEvidence,
  Observation,
  ObservationImportReport,
} from '../../shared/schemas/observations.ts';
import type { Principal } from '../auth/Principal.ts';
import { HttpError } from '../http/errors.ts';
import type { PartnershipRecord } from '../store/repositories/PartnershipRepository.ts';
import type { StoredObservation, UpsertCounts } from '../store/repositories/ObservationRepository.ts';
import type { Repositories } from '../store/Store.ts';
import type { Upload } from '../routes/defineRoute.ts';
import { zipUnpackProblem } from '../framework/zipGuard.ts';
import type { WorkspaceDocs } from '../workspace/workspaceDocAccess.ts';
import { evidenceAreas } from './evidenceAreas.ts';
import { readFingertipsExport } from './fingertipsImport.ts';
import { importRefused, ProblemList } from './importProblems.ts';
import { readLocalData } from './localImport.ts';
import type { ObservationDraft } from './observationDraft.ts';
import { sampleBatchName, sampleObservations } from './sampleObservations.ts';
import { requireKind } from './upload.ts';

// exceljs' streaming reader holds shared strings; a 50 MB workbook of numbers unpacks to a few hundred MB at most.
const maxObservationWorkbookUnpackedBytes = 512 * 1024 * 1024;

export interface ObservationServiceDeps {
  /** Observations and the audit log, and the unit of work an import runs in. */
  store: Repositories;
  docs: WorkspaceDocs;
  now?: () => Date;
}

/** The framework's live metrics, and lookups by Fingertips id and by name, read from the workspace doc. */
interface MetricIndex {
  metrics: Metric[];
  byFingertipsId: Map<string, string[]>;
  byName: Map<string, string[]>;
}

function indexMetrics(doc: Y.Doc): MetricIndex {
  const { metrics } = readMetrics(doc);
  const byFingertipsId = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  for (const metric of metrics) {
    if (metric.fingertipsId)
      byFingertipsId.set(metric.fingertipsId, [...(byFingertipsId.get(metric.fingertipsId) ?? []), metric.id]);
    const name = metric.name.trim().toLowerCase();
    byName.set(name, [...(byName.get(name) ?? []), metric.id]);
  }
  return { metrics, byFingertipsId, byName };
}

/** The observation as the API sends it: small counts suppressed here, so their numbers never leave the server. */
export function publicObservation(stored: StoredObservation): Observation {
  return suppressSmallCount(stored);
}

/** Observations: imports (Fingertips export, local template), reads for the evidence screens, and the demo's samples. */
export class ObservationService {
  readonly #deps: ObservationServiceDeps;

  constructor(deps: ObservationServiceDeps) {
    this.#deps = deps;
  }

  /** Imports an OHID Fingertips "all data" CSV export, all-or-nothing. */
  async importFingertips(
    principal: Principal,
    partnership: PartnershipRecord,
    upload: Upload,
    fileName: string,
    ip: string | null,
  ): Promise<ObservationImportReport> {
    requireKind(upload.bytes, ['text'], 'a CSV file: export "all data" from Fingertips as CSV and upload that');
    const index = await this.#deps.docs.read(partnership.id, indexMetrics);
    const read = await readFingertipsExport(upload.bytes, {
      areaCode: partnership.areaCode,
      metricsByFingertipsId: index.byFingertipsId,
    });
    if (!read.problems.isEmpty) throw importRefused(read.problems);
    return this.#store(principal, partnership, read.drafts, {
      source: 'fingertips',
      fileName,
      ip,
      rowsRead: read.rowsRead,
      otherAreaRows: read.otherAreaRows,
      skippedIndicators: read.skippedIndicators,
      notes: read.notes,
    });
  }

  /** Imports local data in our template (CSV or XLSX), all-or-nothing. */
  async importLocal(
    principal: Principal,
    partnership: PartnershipRecord,
    upload: Upload,
    fileName: string,
    ip: string | null,
  ): Promise<ObservationImportReport> {
    const kind = requireKind(upload.bytes, ['text', 'xlsx'], 'a CSV or XLSX file in the local data template');
    if (kind === 'xlsx') {
      const problem = zipUnpackProblem(upload.bytes, maxObservationWorkbookUnpackedBytes);
      if (problem) throw importRefused([{ row: null, column: null, message: problem }]);
    }
    const index = await this.#deps.docs.read(partnership.id, indexMetrics);
    const read = await readLocalData(upload.bytes, kind, {
      areaCode: partnership.areaCode,
      areaName: partnership.areaName,
      metricIds: new Set(index.metrics.map((metric) => metric.id)),
      metricsByName: index.byName,
    });
    if (!read.problems.isEmpty) throw importRefused(read.problems);
    return this.#store(principal, partnership, read.drafts, {
      source: 'local',
      fileName,
      ip,
      rowsRead: read.rowsRead,
      otherAreaRows: 0,
      skippedIndicators: [],
      notes: [],
    });
  }

  async #store(
    principal: Principal | null,
    partnership: PartnershipRecord,
    drafts: readonly ObservationDraft[],
    details: Pick<ObservationImportReport, 'rowsRead' | 'otherAreaRows' | 'skippedIndicators' | 'notes'> & {
      source: 'fingertips' | 'local' | 'sample';
      fileName: string;
      ip: string | null;
    },
  ): Promise<ObservationImportReport> {
    const batchId = randomUUID();
    const importedAt = (this.#deps.now?.() ?? new Date()).toISOString();
    let counts: UpsertCounts;
    try {
      // The rows, their batch and the audit entry in one transaction: all of them are kept, or none.
      counts = await this.#deps.store.transaction(async (tx) => {
        const upserted = await tx.observations.upsert(partnership.id, drafts, {
          id: batchId,
          partnershipId: partnership.id,
          source: details.source,
          fileName: details.fileName,
          importedBy: principal?.user.id ?? null,
          importedAt,
        });
        if (principal) {
          await tx.audit.record({
            action: 'observations.imported',
            actorId: principal.user.id,
            partnershipId: partnership.id,
            target: details.fileName,
            details: {
              source: details.source,
              created: upserted.created,
              changed: upserted.changed,
              unchanged: upserted.unchanged,
            },
            ip: details.ip,
          });
        }
        return upserted;
      });
    } catch (error) {
      // The transaction rolled back whole; say so rather than leave people wondering what was kept.
      const problems = new ProblemList();
      problems.add(
        null,
        null,
        `The observations could not be stored (${error instanceof Error ? error.message : 'unknown error'})`,
      );
      throw importRefused(problems);
    }
    const perMetric = new Map<string, number>();
    for (const draft of drafts) perMetric.set(draft.metricId, (perMetric.get(draft.metricId) ?? 0) + 1);
    const report: ObservationImportReport = {
      batchId: counts.created + counts.changed > 0 ? batchId : null,
      rowsRead: details.rowsRead,
      ...counts,
      otherAreaRows: details.otherAreaRows,
      skippedIndicators: details.skippedIndicators,
      metrics: Array.from(perMetric, ([metricId, rows]) => ({ metricId, rows })),
      areas: evidenceAreas(await this.#deps.store.observations.areas(partnership.id), partnership),
      notes: details.notes,
    };
    return report;
  }

  /** Everything one metric's evidence page shows; 404 when the framework has no such metric. */
  async metricEvidence(partnership: PartnershipRecord, metricId: string): Promise<MetricEvidence> {
    const metric = await this.#deps.docs.read(partnership.id, (doc) => readMetric(doc, metricId));
    if (!metric) throw new HttpError(404, 'not_found', 'This framework has no such metric');
    return {
      metricId,
      metric,
      areas: evidenceAreas(await this.#deps.store.observations.areas(partnership.id), partnership),
      observations: (await this.#deps.store.observations.forMetric(partnership.id, metricId)).map(publicObservation),
      smallCountThreshold,
    };
  }

  /** Whole-population series for several metrics (small multiples). */
  async series(partnership: PartnershipRecord, metricIds: readonly string[]): Promise<EvidenceSeries> {
    const stored = await this.#deps.store.observations.forMetrics(partnership.id, metricIds, true);
    const observations = stored.map(publicObservation);
    return {
      areas: evidenceAreas(await this.#deps.store.observations.areas(partnership.id), partnership),
      metrics: metricIds.map((metricId) => ({
        metricId,
        observations: observations.filter((observation) => observation.metricId === metricId),
      })),
      smallCountThreshold,
    };
  }

  /** Which metrics have observations. */
  async overview(partnership: PartnershipRecord): Promise<EvidenceOverview> {
    return { metrics: await this.#deps.store.observations.overview(partnership.id) };
  }

  /** The imports that changed something, newest first. */
  batches(partnership: PartnershipRecord): Promise<ImportBatch[]> {
    return this.#deps.store.observations.batches(partnership.id);
  }

  /** Every observation, suppressed, with its metric's name, for the export. */
  async exportable(partnership: PartnershipRecord): Promise<{ observation: Observation; metricName: string }[]> {
    const names = await this.#deps.docs.read(partnership.id, (doc) => {
      const { metrics } = readMetrics(doc, { includeDeleted: true });
      return new Map(metrics.map((metric) => [metric.id, metric.name]));
    });
    return (await this.#deps.store.observations.all(partnership.id)).map((stored) => ({
      observation: publicObservation(stored),
      metricName: names.get(stored.metricId) ?? '',
    }));
  }

  /** Gives the demo partnership its clearly labelled sample observations, once. */
  async seedSamples(partnership: PartnershipRecord): Promise<number> {
    if (await this.#deps.store.observations.hasAny(partnership.id)) return 0;
    const index = await this.#deps.docs.read(partnership.id, indexMetrics);
    const drafts = sampleObservations(partnership.areaCode, partnership.areaName, index.byFingertipsId);
    if (drafts.length === 0) return 0;
    const report = await this.#store(null, partnership, drafts, {
      source: 'sample',
      fileName: sampleBatchName,
      ip: null,
      rowsRead: drafts.length,
      otherAreaRows: 0,
      skippedIndicators: [],
      notes: [],
    });
    return report.created;
  }
}
