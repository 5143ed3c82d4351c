import type ExcelJS from 'exceljs';

/**
 * exceljs, loaded on the first spreadsheet rather than at server start: it adds about 25 MB to the resident size,
 * which a server that never sees a spreadsheet should not pay.
 */
export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

/** What a person sees in a cell, as text; a formula counts as the result it last showed, never as the formula. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : '';
  if ('error' in value) return value.error;
  if ('result' in value) {
    const result = value.result;
    if (result === undefined) return '';
    return typeof result === 'object' && !(result instanceof Date) ? result.error : cellText(result);
  }
  return '';
}
