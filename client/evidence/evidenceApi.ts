import { z } from 'zod';
import { ApiErrorSchema } from '../../shared/schemas/apiError.ts';
import { DataMappingImportReportSchema, type DataMappingImportReport } from '../../shared/schemas/dataMapping.ts';
import { ComparatorAreasSchema, type ComparatorAreas } from '../../shared/schemas/comparatorAreas.ts';
import {
  IndicatorMetadataImportReportSchema,
  type IndicatorMetadataImportReport,
} from '../../shared/schemas/indicatorMetadata.ts';
import {
  EvidenceOverviewSchema,
  EvidenceSeriesSchema,
  ImportBatchSchema,
  MetricEvidenceSchema,
  ObservationImportReportSchema,
  type EvidenceOverview,
  type EvidenceSeries,
  type ImportBatch,
  type MetricEvidence,
  type ObservationImportReport,
} from '../../shared/schemas/observations.ts';
import { ApiError } from '../api/ApiError.ts';
import { apiRequest, segment, sessionEndedEvent, sessionEndedEvents } from '../api/apiRequest.ts';

const base = (partnershipId: string) => `/api/partnerships/${segment(partnershipId)}`;
const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

/** One metric's observations for its area, region and England (small counts already suppressed by the server). */
export function fetchMetricEvidence(
  partnershipId: string,
  metricId: string,
  signal?: AbortSignal,
): Promise<MetricEvidence> {
  return apiRequest('GET', `${base(partnershipId)}/evidence/metrics/${segment(metricId)}`, {
    schema: MetricEvidenceSchema,
    ...withSignal(signal),
  });
}

/** Whole-population series of several metrics, for small multiples. */
export function fetchEvidenceSeries(
  partnershipId: string,
  metricIds: readonly string[],
  signal?: AbortSignal,
): Promise<EvidenceSeries> {
  const query = new URLSearchParams({ metricIds: metricIds.join(',') });
  return apiRequest('GET', `${base(partnershipId)}/evidence/series?${query}`, {
    schema: EvidenceSeriesSchema,
    ...withSignal(signal),
  });
}

/** Which metrics have observations. */
export function fetchEvidenceOverview(partnershipId: string, signal?: AbortSignal): Promise<EvidenceOverview> {
  return apiRequest('GET', `${base(partnershipId)}/evidence`, {
    schema: EvidenceOverviewSchema,
    ...withSignal(signal),
  });
}

/** The partnership's comparator areas, and the areas its imports have seen (for the picker). */
export function fetchComparatorAreas(partnershipId: string, signal?: AbortSignal): Promise<ComparatorAreas> {
  return apiRequest('GET', `${base(partnershipId)}/comparator-areas`, {
    schema: ComparatorAreasSchema,
    ...withSignal(signal),
  });
}

/** Chooses the comparator areas (ONS codes, in order); the next Fingertips import keeps their rows. */
export function saveComparatorAreas(partnershipId: string, areaCodes: readonly string[]): Promise<ComparatorAreas> {
  return apiRequest('PUT', `${base(partnershipId)}/comparator-areas`, {
    body: { areaCodes },
    schema: ComparatorAreasSchema,
  });
}

/** Past imports that changed something, newest first. */
export function fetchImports(partnershipId: string, signal?: AbortSignal): Promise<ImportBatch[]> {
  return apiRequest('GET', `${base(partnershipId)}/observations/imports`, {
    schema: z.array(ImportBatchSchema),
    ...withSignal(signal),
  });
}

/** Where to download the observations, the blank local template, or the data mapping. */
export function evidenceDownloads(partnershipId: string) {
  return {
    observations: (format: 'csv' | 'xlsx') => `${base(partnershipId)}/observations/export?format=${format}`,
    template: (format: 'csv' | 'xlsx') => `${base(partnershipId)}/observations/template?format=${format}`,
    dataMapping: (format: 'csv' | 'xlsx') => `${base(partnershipId)}/data-mapping/export?format=${format}`,
  };
}

const unexpected = 'Something went wrong on the server. Please try again.';

/** The media type we declare for a file: browsers leave it empty or guess oddly for CSV on some systems. */
function mediaTypeOf(file: File): string {
  return file.name.toLowerCase().endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
}

/**
 * Sends a file as the raw body and parses the answer. A refused file throws an `ApiError` whose issues are the
 * row-by-row problems (path `[row, column]`); a file over the size limit answers 413 with the limit in words.
 */
async function uploadFile<S extends z.ZodType>(path: string, file: File, schema: S): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': mediaTypeOf(file) },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'Common Ground could not be reached. Check your connection and try again.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = ApiErrorSchema.safeParse(json);
    if (!failure.success || response.status >= 500)
      throw new ApiError(response.status, 'unexpected_response', unexpected);
    const { code, message, issues } = failure.data.error;
    if (response.status === 401) sessionEndedEvents.dispatchEvent(new Event(sessionEndedEvent));
    throw new ApiError(response.status, code, message, issues ?? []);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'unexpected_response', unexpected);
  return parsed.data;
}

/** Imports observations: an OHID Fingertips "all data" CSV export, or local data in our template. */
export function importObservations(
  partnershipId: string,
  kind: 'fingertips' | 'local',
  file: File,
): Promise<ObservationImportReport> {
  const query = new URLSearchParams({ fileName: file.name.slice(0, 200) });
  return uploadFile(`${base(partnershipId)}/observations/import/${kind}?${query}`, file, ObservationImportReportSchema);
}

/** Imports a Fingertips indicator metadata CSV: polarity, unit, definition and methods per Fingertips id. */
export function importIndicatorMetadata(partnershipId: string, file: File): Promise<IndicatorMetadataImportReport> {
  const query = new URLSearchParams({ fileName: file.name.slice(0, 200) });
  return uploadFile(
    `${base(partnershipId)}/indicator-metadata/import/fingertips?${query}`,
    file,
    IndicatorMetadataImportReportSchema,
  );
}

/** Imports the data mapping from a spreadsheet (our export, or an edited copy of it). */
export function importDataMapping(partnershipId: string, file: File): Promise<DataMappingImportReport> {
  return uploadFile(`${base(partnershipId)}/data-mapping/import`, file, DataMappingImportReportSchema);
}
