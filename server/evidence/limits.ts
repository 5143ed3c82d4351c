/** Largest observations file accepted, in bytes: a Fingertips "all data" export for a whole profile fits. */
export const maxObservationFileBytes = 50 * 1024 * 1024;

/** Largest data mapping spreadsheet accepted, in bytes. */
export const maxDataMappingFileBytes = 5 * 1024 * 1024;

/** Most problems listed in a refused import's report; the message says how many there were in all. */
export const maxReportedProblems = 200;

/** Media types of the spreadsheets we send. */
export const spreadsheetMediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
