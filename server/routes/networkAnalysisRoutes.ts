import { z } from 'zod';
import {
  AcrossPlacesSchema,
  CommonCoreSchema,
  NetworkDataAgendaSchema,
  NetworkIdSchema,
} from '../../shared/schemas/networks.ts';
import { download } from '../evidence/spreadsheetWriters.ts';
import type { AgendaFormat } from '../networks/networkAgendaFiles.ts';
import type { NetworkAnalysisService } from '../networks/NetworkAnalysisService.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import type { NetworkAccessFactory } from './networkAccess.ts';

const NetworkParams = z.object({ id: NetworkIdSchema });
// A file download, not JSON: the handler answers with the response itself.
const fileResponse = z.custom<Response>((value) => value instanceof Response);

const formatWords: Readonly<Record<AgendaFormat, string>> = {
  csv: 'CSV',
  xlsx: 'an XLSX workbook (formula cells neutralised)',
  docx: 'a Word document',
};

/** The network's analyses, for whoever may read the network (coordinators, administrators, member places). */
export function networkAnalysisRoutes(analysis: NetworkAnalysisService, networkAccess: NetworkAccessFactory): Route[] {
  const agendaFile = (format: AgendaFormat): Route =>
    defineRoute({
      method: 'get',
      path: `/api/networks/:id/data-agenda.${format}`,
      summary: `The shared data development agenda as ${formatWords[format]}: the network's list of asks to national bodies`,
      tag: 'networks',
      access: networkAccess('read'),
      params: NetworkParams,
      response: fileResponse,
      handler: async (context) => {
        const file = await analysis.dataAgendaFile(context.params.id, format);
        return download(file.body, file.mediaType, file.fileName);
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: '/api/networks/:id/common-core',
      summary:
        'For each template item how each place holds it (as is, reworded, dropped, not decided, not shared), and local additions that recur across places',
      tag: 'networks',
      access: networkAccess('read'),
      params: NetworkParams,
      response: CommonCoreSchema,
      handler: (context) => analysis.commonCore(context.params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/networks/:id/data-agenda',
      summary:
        'Template metrics missing or not accessible in more than half of the places sharing their data mapping, with reasons, owners and next steps',
      tag: 'networks',
      access: networkAccess('read'),
      params: NetworkParams,
      response: NetworkDataAgendaSchema,
      handler: (context) => analysis.dataAgenda(context.params.id),
    }),
    defineRoute({
      method: 'get',
      path: '/api/networks/:id/across-places',
      summary:
        'Outcomes most places agreed as priorities, core metrics against England in each place sharing its evidence, and theory-of-change coverage counts',
      tag: 'networks',
      access: networkAccess('read'),
      params: NetworkParams,
      response: AcrossPlacesSchema,
      handler: (context) => analysis.acrossPlaces(context.params.id),
    }),
    agendaFile('csv'),
    agendaFile('xlsx'),
    agendaFile('docx'),
  ];
}
