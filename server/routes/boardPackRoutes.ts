import { z } from 'zod';
import { BoardPackSchema, type BoardPack } from '../../shared/schemas/boardPack.ts';
import { boardPackDocx } from '../boardPack/boardPackDocx.ts';
import { boardPackXlsx } from '../boardPack/boardPackXlsx.ts';
import type { Cycles } from '../cycles/createCycles.ts';
import { defineRoute, type Route } from './defineRoute.ts';
import { MeetingParams, meetingAccess } from './cycleRoutes.ts';

const formats = {
  docx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    write: boardPackDocx,
    words: 'a Word document',
  },
  xlsx: {
    mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    write: boardPackXlsx,
    words: 'a workbook of its tables',
  },
} as const satisfies Record<string, { mediaType: string; write: (pack: BoardPack) => Promise<Buffer>; words: string }>;

/** A safe ASCII file name from the meeting's title and date: `board-pack-march-board-2027-03-14.docx`. */
export function boardPackFilename(pack: BoardPack, extension: string): string {
  const slug =
    pack.meeting.title
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'meeting';
  return `board-pack-${slug}-${pack.meeting.startsAt.slice(0, 10)}.${extension}`;
}

/** A meeting's board pack: as JSON (the print page draws it), as DOCX, and its tables as XLSX. */
export function boardPackRoutes(cycles: Cycles): Route[] {
  const download = (extension: keyof typeof formats): Route =>
    defineRoute({
      method: 'get',
      path: `/api/meetings/:meetingId/board-pack.${extension}`,
      summary: `The meeting's board pack as ${formats[extension].words} (small counts suppressed)`,
      tag: 'board cycles',
      access: meetingAccess(cycles, 'workspace.read'),
      params: MeetingParams,
      // A file download, not JSON: the handler answers with the response itself.
      response: z.custom<Response>((value) => value instanceof Response),
      handler: async (context) => {
        const pack = await cycles.boardPack(context.partnership!, context.params.meetingId);
        const body = await formats[extension].write(pack);
        const filename = boardPackFilename(pack, extension);
        return context.c.body(new Uint8Array(body), 200, {
          'Content-Type': formats[extension].mediaType,
          'Content-Disposition': `attachment; filename="${filename}"`,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-store',
        });
      },
    });
  return [
    defineRoute({
      method: 'get',
      path: '/api/meetings/:meetingId/board-pack',
      summary: "Everything the meeting's board pack holds, in print order (the print page, DOCX and XLSX draw on it)",
      tag: 'board cycles',
      access: meetingAccess(cycles, 'workspace.read'),
      params: MeetingParams,
      response: BoardPackSchema,
      handler: (context) => cycles.boardPack(context.partnership!, context.params.meetingId),
    }),
    download('docx'),
    download('xlsx'),
  ];
}
