import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import {
  FrameworkImportQuerySchema,
  FrameworkImportResultSchema,
  frameworkFileMediaTypes,
  type FrameworkFileFormat,
} from '../../shared/schemas/frameworkImport.ts';
import type { FrameworkService } from '../framework/FrameworkService.ts';
import { maxFrameworkFileBytes } from '../framework/limits.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** `filename*` carries the name in UTF-8 for browsers; `filename` an ASCII fallback (ours are ASCII already). */
function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** The outcomes framework as a spreadsheet: export for anyone who can read it, import for editors. */
export function frameworkRoutes(framework: FrameworkService): Route[] {
  const download = (format: FrameworkFileFormat): Route =>
    defineRoute({
      method: 'get',
      path: `/api/partnerships/:id/framework.${format}`,
      summary: `The outcomes framework as ${format.toUpperCase()}: one row per metric with its indicator, outcome, domain and level (formula cells neutralised)`,
      tag: 'framework',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: byId },
      params: PartnershipParams,
      // A file download, not JSON: the handler answers with the response itself.
      response: z.custom<Response>((value) => value instanceof Response),
      handler: async (context) => {
        const file = await framework.export(context.partnership!, format);
        return context.c.body(file.body, 200, {
          'Content-Type': file.mediaType,
          'Content-Disposition': attachment(file.filename),
          'Cache-Control': 'no-store',
        });
      },
    });
  return [
    download('csv'),
    download('xlsx'),
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/framework/import',
      summary:
        'Import the framework from a CSV or XLSX upload (the raw body). Checked whole: any problem answers 400 with ' +
        'one issue per problem, path [row, column], and changes nothing. `dryRun=true` only reports what it would do.',
      tag: 'framework',
      access: { kind: 'partnership', permission: 'workspace.edit', partnershipOf: byId },
      params: PartnershipParams,
      query: FrameworkImportQuerySchema,
      upload: {
        mediaTypes: [frameworkFileMediaTypes.csv, frameworkFileMediaTypes.xlsx],
        maxBytes: maxFrameworkFileBytes,
        description: 'framework spreadsheet (CSV or XLSX)',
      },
      response: FrameworkImportResultSchema,
      handler: (context) =>
        framework.import(context.principal!, context.partnership!.id, context.upload!, context.query, context.ip),
    }),
  ];
}
