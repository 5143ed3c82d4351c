import { HttpError } from '../http/errors.ts';

/** The kind of file an upload is, judged by its first bytes rather than by its name or declared type. */
export type UploadKind = 'xlsx' | 'text' | 'binary' | 'empty';

/** Media types an observations or mapping upload may declare; what the file really is is judged from its bytes. */
export const spreadsheetUploadMediaTypes = [
  'text/csv',
  'text/plain',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
] as const;

/** What a file is, from its first bytes: an XLSX (zip) workbook, text, or some other binary file. */
export function uploadKind(file: Uint8Array): UploadKind {
  if (file.byteLength === 0) return 'empty';
  if (file[0] === 0x50 && file[1] === 0x4b && file[2] === 0x03 && file[3] === 0x04) return 'xlsx';
  // Text files have no NUL bytes; PDFs, images, old .xls workbooks and executables all have them early on.
  return file.subarray(0, 8192).includes(0) ? 'binary' : 'text';
}

/** Refuses an upload that is not what the route reads, in words a person can act on. */
export function requireKind(file: Uint8Array, accepted: readonly ('xlsx' | 'text')[], what: string): 'xlsx' | 'text' {
  const kind = uploadKind(file);
  if (kind === 'empty') throw new HttpError(400, 'empty_file', 'The file is empty, so nothing was imported.');
  if (kind === 'binary' || !accepted.includes(kind)) {
    throw new HttpError(415, 'wrong_file_type', `This is not ${what}, so nothing was imported.`);
  }
  return kind;
}
