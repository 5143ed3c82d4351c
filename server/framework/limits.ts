import { maxFrameworkUploadBytes } from '../../shared/schemas/frameworkImport.ts';

/** Largest framework spreadsheet accepted for import, in bytes (shared, so the screen can say so before uploading). */
export const maxFrameworkFileBytes = maxFrameworkUploadBytes;

/** Media types of the framework exports. */
export const frameworkMediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
