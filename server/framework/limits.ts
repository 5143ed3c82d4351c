/** Largest framework spreadsheet accepted for import, in bytes (5 MiB: a 1,500-metric framework is well under 1 MiB). */
export const maxFrameworkFileBytes = 5 * 1024 * 1024;

/** Media types of the framework exports. */
export const frameworkMediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
