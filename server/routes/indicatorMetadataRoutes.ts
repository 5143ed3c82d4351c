import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import { ObservationImportQuerySchema } from '../../shared/schemas/observations.ts';
import { IndicatorMetadataImportReportSchema } from '../../shared/schemas/indicatorMetadata.ts';
import type { IndicatorMetadataService } from '../evidence/IndicatorMetadataService.ts';
import { maxObservationFileBytes } from '../evidence/limits.ts';
import { spreadsheetUploadMediaTypes } from '../evidence/upload.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const PartnershipParams = z.object({ id: PartnershipIdSchema });
const byId = (params: Record<string, string>): string | null => params.id ?? null;

/** Fingertips indicator metadata: the import (the metadata reaches the evidence pages through the evidence routes). */
export function indicatorMetadataRoutes(metadata: IndicatorMetadataService): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/partnerships/:id/indicator-metadata/import/fingertips',
      summary:
        'Import a Fingertips indicator metadata CSV (raw body, up to 50 MB). All-or-nothing: any problem answers 400 ' +
        'with one issue per problem (path [row, column]) and stores nothing. Metrics with these Fingertips ids take ' +
        'their polarity, unit and definition where their own is empty or was imported before; other values are kept ' +
        'and reported as local overrides. Re-importing changes nothing.',
      tag: 'evidence',
      access: { kind: 'partnership', permission: 'workspace.edit', partnershipOf: byId },
      params: PartnershipParams,
      query: ObservationImportQuerySchema,
      upload: {
        mediaTypes: spreadsheetUploadMediaTypes,
        maxBytes: maxObservationFileBytes,
        description: 'Fingertips indicator metadata (CSV)',
      },
      response: IndicatorMetadataImportReportSchema,
      handler: (context) =>
        metadata.importFingertips(
          context.principal!,
          context.partnership!,
          context.upload!,
          context.query.fileName,
          context.ip,
        ),
    }),
  ];
}
