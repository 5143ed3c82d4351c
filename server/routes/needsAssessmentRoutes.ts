import { z } from 'zod';
import { PartnershipIdSchema } from '../../shared/protocol/docNames.ts';
import type { NeedsAssessmentService } from '../needsAssessment/NeedsAssessmentService.ts';
import { defineRoute, type Route } from './defineRoute.ts';

/** The needs assessment's export. */
export function needsAssessmentRoutes(needsAssessment: NeedsAssessmentService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/partnerships/:id/needs-assessment/export.html',
      summary: 'The needs assessment as one sanitised HTML page (no scripts, styles from outside, or unsafe links)',
      tag: 'needs assessment',
      access: { kind: 'partnership', permission: 'workspace.read', partnershipOf: (params) => params.id ?? null },
      params: z.object({ id: PartnershipIdSchema }),
      // A file download, not JSON: the handler answers with the response itself.
      response: z.custom<Response>((value) => value instanceof Response),
      handler: async (context) => {
        const { filename, body } = await needsAssessment.exportHtml(context.partnership!);
        return context.c.body(body, 200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
          // Opened in the browser by mistake, it still must not run or load anything.
          'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
      },
    }),
  ];
}
