import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { ComparatorAreasRequestSchema, ComparatorAreasSchema } from '../../shared/schemas/comparatorAreas.ts';
import { EntityIdSchema } from '../../shared/schemas/framework.ts';
import {
  EvidenceOverviewSchema,
  EvidenceSeriesQuerySchema,
  EvidenceSeriesSchema,
  ImportBatchSchema,
  MetricEvidenceSchema,
  ObservationImportQuerySchema,
  ObservationImportReportSchema,
  SpreadsheetFormatQuerySchema,
} from '../../shared/schemas/observations.ts';
import type { ObservationService } from '../evidence/ObservationService.ts';
import { maxObservationFileBytes } from '../evidence/limits.ts';
import { observationsFile, templateFile } from '../evidence/observationFiles.ts';
import { download } from '../evidence/spreadsheetWriters.ts';
import { spreadsheetUploadMediaTypes } from '../evidence/upload.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const MetricParams = z.object({ id: PartnershipIdSchema, metricId: EntityIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;
const read = { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId } as const;
const edit = { kind: 'partnership', permission: 'workspace.edit', partnershipOf: byId } as const;
const fileResponse = z.custom<Response>((value) => value instanceof Response);
const uploadRule = (description: string) => ({
  mediaTypes: spreadsheetUploadMediaTypes,
  maxBytes: maxObservationFileBytes,
  description,
});

/** Observations: imports (Fingertips and local template), the evidence screens' reads, export and blank template. */
export function evidenceRoutes(observations: ObservationService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/evidence',
      summary: 'Which metrics have observations, how many and the latest period of each',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      response: EvidenceOverviewSchema,
      handler: (context) => observations.overview(context.partnership!),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/evidence/metrics/:metricId',
      summary:
        "One metric's observations for its area, region, England and comparator areas, with breakdowns (small counts " +
        'suppressed), and the area against its comparators: rank, range, and per comparator method, level and judgement',
      tag: 'evidence',
      access: read,
      params: MetricParams,
      response: MetricEvidenceSchema,
      handler: (context) => observations.metricEvidence(context.partnership!, context.params.metricId),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/evidence/series',
      summary: 'Whole-population series of several metrics (comma-separated metricIds), for small multiples',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      query: EvidenceSeriesQuerySchema,
      response: EvidenceSeriesSchema,
      handler: (context) => observations.series(context.partnership!, context.query.metricIds),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/comparator-areas',
      summary: 'The areas this partnership compares itself with, and the areas its imports have seen',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      response: ComparatorAreasSchema,
      handler: (context) => observations.comparatorAreas(context.partnership!),
    }),
    defineRoute({
      method: 'put',
      path: '/api/partnerships/:id/comparator-areas',
      summary:
        'Choose the comparator areas (ONS codes, at most 20, in order; not the own area or England). Audited. The ' +
        'next Fingertips all-data import keeps their rows; rows already stored are unchanged.',
      tag: 'evidence',
      // Facilitators and editors: choosing comparators shapes the evidence as imports do (workspace.edit), and is
      // not membership or round control.
      access: edit,
      params: PartnershipParams,
      body: ComparatorAreasRequestSchema,
      exampleBody: { areaCodes: ['E09000029', 'E09000021'] },
      response: ComparatorAreasSchema,
      handler: (context) =>
        observations.setComparatorAreas(context.principal!, context.partnership!, context.body, context.ip),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/observations/imports',
      summary: 'Past imports that changed observations, newest first',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      response: z.array(ImportBatchSchema),
      handler: (context) => observations.batches(context.partnership!),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/observations/import/fingertips',
      summary:
        'Import an OHID Fingertips "all data" CSV export (raw body, up to 50 MB). All-or-nothing: any problem answers ' +
        '400 with one issue per problem (path [row, column]) and stores nothing. Re-importing changes nothing.',
      tag: 'evidence',
      access: edit,
      params: PartnershipParams,
      query: ObservationImportQuerySchema,
      upload: uploadRule('Fingertips export (CSV)'),
      response: ObservationImportReportSchema,
      handler: (context) =>
        observations.importFingertips(
          context.principal!,
          context.partnership!,
          context.upload!,
          context.query.fileName,
          context.ip,
        ),
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/observations/import/local',
      summary: 'Import local data in the template (CSV or XLSX, raw body, up to 50 MB), all-or-nothing',
      tag: 'evidence',
      access: edit,
      params: PartnershipParams,
      query: ObservationImportQuerySchema,
      upload: uploadRule('local data file (CSV or XLSX)'),
      response: ObservationImportReportSchema,
      handler: (context) =>
        observations.importLocal(
          context.principal!,
          context.partnership!,
          context.upload!,
          context.query.fileName,
          context.ip,
        ),
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/observations/export',
      summary: 'Every observation as CSV or XLSX; small counts suppressed, formula cells neutralised',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      query: SpreadsheetFormatQuerySchema,
      response: fileResponse,
      handler: async (context) => {
        const file = await observationsFile(
          await observations.exportable(context.partnership!),
          context.query.format,
          context.partnership!.id,
        );
        return download(file.body, file.mediaType, file.fileName);
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/observations/template',
      summary: 'The blank template for local data, as CSV or XLSX (with a guidance sheet)',
      tag: 'evidence',
      access: read,
      params: PartnershipParams,
      query: SpreadsheetFormatQuerySchema,
      response: fileResponse,
      handler: async (context) => {
        const file = await templateFile(context.query.format);
        return download(file.body, file.mediaType, file.fileName);
      },
    }),
  ];
}
