import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { DataMappingImportReportSchema } from '../../shared/schemas/dataMapping.ts';
import { SpreadsheetFormatQuerySchema } from '../../shared/schemas/observations.ts';
import type { DataMappingService } from '../dataMapping/DataMappingService.ts';
import { maxDataMappingFileBytes } from '../evidence/limits.ts';
import { download } from '../evidence/spreadsheetWriters.ts';
import { spreadsheetUploadMediaTypes } from '../evidence/upload.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** The data mapping as a spreadsheet: export for anyone who can read it, import for editors. */
export function dataMappingRoutes(dataMapping: DataMappingService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/data-mapping/export',
      summary: 'The data mapping as CSV or XLSX, one row per metric, human column names, formula cells neutralised',
      tag: 'data mapping',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      query: SpreadsheetFormatQuerySchema,
      response: z.custom<Response>((value) => value instanceof Response),
      handler: async (context) => {
        const file = await dataMapping.export(context.partnership!, context.query.format);
        return download(file.body, file.mediaType, file.fileName);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/data-mapping/import',
      summary:
        'Import the data mapping from CSV or XLSX (raw body): checked whole, all-or-nothing, 400 with one issue per ' +
        'problem (path [row, column]); metrics the framework does not have are reported, never created',
      tag: 'data mapping',
      access: { kind: 'partnership', permission: 'workspace.edit', partnershipOf: byId },
      params: PartnershipParams,
      upload: {
        mediaTypes: spreadsheetUploadMediaTypes,
        maxBytes: maxDataMappingFileBytes,
        description: 'data mapping spreadsheet (CSV or XLSX)',
      },
      response: DataMappingImportReportSchema,
      handler: (context) => dataMapping.import(context.principal!, context.partnership!, context.upload!, context.ip),
    }),
  ];
}
