import { BoardPackSchema, type BoardPack } from '../../../shared/schemas/boardPack.ts';
import { apiRequest, segment } from '../../api/apiRequest.ts';

const packPath = (meetingId: string) => `/api/meetings/${segment(meetingId)}/board-pack`;

/** Everything the board pack for a meeting holds, in the order it is printed. */
export function fetchBoardPack(meetingId: string, signal?: AbortSignal): Promise<BoardPack> {
  return apiRequest('GET', packPath(meetingId), { schema: BoardPackSchema, ...(signal ? { signal } : {}) });
}

/** Where the pack's Word and spreadsheet forms download from. */
export function boardPackDownloads(meetingId: string): { docx: string; xlsx: string } {
  return { docx: `${packPath(meetingId)}.docx`, xlsx: `${packPath(meetingId)}.xlsx` };
}
