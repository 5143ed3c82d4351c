import { randomUUID } from 'node:crypto';
import type * as Y from 'yjs';
import { readDataMapping } from '../../shared/model/dataMapping/index.ts';
import { readMetrics, readMetric } from '../../shared/model/framework/index.ts';
import { metricJudgements } from '../../shared/model/evidence/series.ts';
import { defaultEvidenceMethod, type EvidenceMethod } from '../../shared/schemas/evidenceMethods.ts';
import { smallCountThreshold, suppressSmallCount } from '../../shared/model/evidence/suppression.ts';
import { evidenceMethodOf, metadataOverrides } from '../../shared/model/indicatorMetadata/index.ts';
import type { Metric } from '../../shared/schemas/framework.ts';
import type { ComparatorAreas, ComparatorAreasRequest } from '../../shared/schemas/comparatorAreas.ts';
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
import type { SeenAreaRecord, StoredObservation, UpsertCounts } from '../store/repositories/ObservationRepository.ts';
import { chooseComparatorAreas, readComparatorAreas } from './comparatorAreas.ts';
import { comparatorEvidence } from '../../shared/model/evidence/comparators.ts';
import type { MetricJudging } from './fingertipsDisagreements.ts';
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
  const { fingertipsVsEngland, fingertipsVsRegion, ...rest } = suppressSmallCount(stored);
  return { ...rest, fingertipsComparisons: { england: fingertipsVsEngland, region: fingertipsVsRegion } };
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
    const comparators = await this.#deps.store.observations.comparatorAreas(partnership.id);
    const judging = await this.#judging(partnership, index);
    const read = await readFingertipsExport(upload.bytes, {
      areaCode: partnership.areaCode,
      metricsByFingertipsId: index.byFingertipsId,
      comparatorAreaCodes: new Set(comparators.map((area) => area.code)),
      judgingOf: (metricId) => judging.get(metricId) ?? { method: 'ci-95', polarity: 'no-judgement' },
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
      disagreements: read.disagreements,
      seenAreas: read.seenAreas,
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
      disagreements: [],
    });
  }

  /** Records the areas not yet remembered, or seen under another name or type (a re-import writes nothing). */
  async #rememberSeenAreas(
    tx: Repositories,
    partnershipId: string,
    areas: readonly SeenAreaRecord[],
    seenAt: string,
  ): Promise<void> {
    const known = new Map((await tx.observations.seenAreas(partnershipId)).map((area) => [area.code, area]));
    const changed = areas.filter((area) => {
      const before = known.get(area.code);
      return !before || before.name !== area.name || before.type !== area.type;
    });
    if (changed.length > 0) await tx.observations.recordSeenAreas(partnershipId, changed, seenAt);
  }

  /** How each metric is judged: its polarity, and the comparison method its Fingertips metadata names (or 95%). */
  async #judging(partnership: PartnershipRecord, index: MetricIndex): Promise<Map<string, MetricJudging>> {
    const metadata = await this.#deps.store.indicatorMetadata.forIds(partnership.id, [...index.byFingertipsId.keys()]);
    return new Map(
      index.metrics.map((metric) => [
        metric.id,
        {
          polarity: metric.polarity,
          method: evidenceMethodOf((metric.fingertipsId && metadata.get(metric.fingertipsId)) || null).comparison,
        },
      ]),
    );
  }

  async #store(
    principal: Principal | null,
    partnership: PartnershipRecord,
    drafts: readonly ObservationDraft[],
    details: Pick<
      ObservationImportReport,
      'rowsRead' | 'otherAreaRows' | 'skippedIndicators' | 'notes' | 'disagreements'
    > & {
      /** Areas the file named (kept or not), remembered to offer as comparator areas. */
      seenAreas?: readonly SeenAreaRecord[];
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
        if (details.seenAreas) await this.#rememberSeenAreas(tx, partnership.id, details.seenAreas, importedAt);
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
    const nowAvailable = await this.#deps.docs.read(partnership.id, (doc) => {
      const { metrics } = readMetrics(doc);
      const mapping = readDataMapping(doc).byMetric;
      return metrics.flatMap((metric) => {
        const status = mapping.get(metric.id)?.status ?? null;
        return perMetric.has(metric.id) && (status === 'missing' || status === 'not-accessible')
          ? [{ metricId: metric.id, name: metric.name, status }]
          : [];
      });
    });
    const report: ObservationImportReport = {
      batchId: counts.created + counts.changed > 0 ? batchId : null,
      rowsRead: details.rowsRead,
      ...counts,
      otherAreaRows: details.otherAreaRows,
      skippedIndicators: details.skippedIndicators,
      metrics: Array.from(perMetric, ([metricId, rows]) => ({ metricId, rows })),
      areas: evidenceAreas(await this.#deps.store.observations.areas(partnership.id), partnership),
      notes: details.notes,
      disagreements: details.disagreements,
      nowAvailable,
    };
    return report;
  }

  /** Everything one metric's evidence page shows; 404 when the framework has no such metric. */
  async metricEvidence(partnership: PartnershipRecord, metricId: string): Promise<MetricEvidence> {
    const metric = await this.#deps.docs.read(partnership.id, (doc) => readMetric(doc, metricId));
    if (!metric) throw new HttpError(404, 'not_found', 'This framework has no such metric');
    const metadata = metric.fingertipsId
      ? await this.#deps.store.indicatorMetadata.get(partnership.id, metric.fingertipsId)
      : null;
    const method = evidenceMethodOf(metadata);
    const observed = await this.#observationsAndComparators(partnership, metricId, metric.polarity);
    return {
      metricId,
      metric,
      metadata,
      overrides: metadataOverrides(metric, metadata),
      method,
      ...observed,
      judgements: metricJudgements(observed.observations, observed.areas, metric.polarity, method),
      smallCountThreshold,
    };
  }

  /** One metric's areas and observations (suppressed), and the place against its comparator areas. */
  async #observationsAndComparators(
    partnership: PartnershipRecord,
    metricId: string,
    polarity: Metric['polarity'],
  ): Promise<Pick<MetricEvidence, 'areas' | 'observations' | 'comparators'>> {
    const [stored, storedAreas, comparatorAreas] = await Promise.all([
      this.#deps.store.observations.forMetric(partnership.id, metricId),
      this.#deps.store.observations.areas(partnership.id),
      this.#deps.store.observations.comparatorAreas(partnership.id),
    ]);
    const areas = evidenceAreas(storedAreas, partnership);
    const observations = stored.map(publicObservation);
    const place = areas.find((area) => area.role === 'area');
    const placeName = place?.name ?? partnership.areaName;
    return {
      areas,
      observations,
      comparators: comparatorEvidence(observations, partnership.areaCode, placeName, comparatorAreas, polarity),
    };
  }

  /** The partnership's comparator areas, named, and the areas its imports have seen (for the picker). */
  comparatorAreas(partnership: PartnershipRecord): Promise<ComparatorAreas> {
    return readComparatorAreas(this.#deps.store, partnership);
  }

  /** Replaces the partnership's comparator areas (audited); the next all-data import keeps their rows. */
  setComparatorAreas(
    principal: Principal,
    partnership: PartnershipRecord,
    request: ComparatorAreasRequest,
    ip: string | null,
  ): Promise<ComparatorAreas> {
    return chooseComparatorAreas(this.#deps.store, principal, partnership, request.areaCodes, ip);
  }

  /** Whole-population series for several metrics (small multiples). */
  async series(partnership: PartnershipRecord, metricIds: readonly string[]): Promise<EvidenceSeries> {
    const stored = await this.#deps.store.observations.forMetrics(partnership.id, metricIds, true);
    // Grouped once: filtering every observation for each metric costs metrics × observations (30 million
    // comparisons for a board pack of 1,500 metrics and 20,000 observations).
    const byMetric = new Map<string, Observation[]>();
    for (const observation of stored.map(publicObservation)) {
      const list = byMetric.get(observation.metricId);
      if (list) list.push(observation);
      else byMetric.set(observation.metricId, [observation]);
    }
    const methods = await this.#methodsOf(partnership, metricIds);
    return {
      areas: evidenceAreas(await this.#deps.store.observations.areas(partnership.id), partnership),
      metrics: metricIds.map((metricId) => ({
        metricId,
        observations: byMetric.get(metricId) ?? [],
        method: methods.get(metricId) ?? defaultEvidenceMethod,
      })),
      smallCountThreshold,
    };
  }

  /** Each metric's methods from its imported indicator metadata (metrics without any are left out: the defaults). */
  async #methodsOf(partnership: PartnershipRecord, metricIds: readonly string[]): Promise<Map<string, EvidenceMethod>> {
    const wanted = new Set(metricIds);
    const { metrics } = await this.#deps.docs.read(partnership.id, indexMetrics);
    const withIds = metrics.flatMap((metric) =>
      wanted.has(metric.id) && metric.fingertipsId ? [{ metricId: metric.id, fingertipsId: metric.fingertipsId }] : [],
    );
    if (withIds.length === 0) return new Map();
    const metadata = await this.#deps.store.indicatorMetadata.forIds(
      partnership.id,
      withIds.map((metric) => metric.fingertipsId),
    );
    return new Map(
      withIds.flatMap(({ metricId, fingertipsId }) => {
        const found = metadata.get(fingertipsId);
        return found ? [[metricId, evidenceMethodOf(found)] as const] : [];
      }),
    );
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
      disagreements: [],
    });
    return report.created;
  }
}
