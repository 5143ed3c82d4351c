import type { ApiError } from '../api/ApiError.ts';

/** A row-by-row problem of a refused import, as people read it: "Row 12, Value: "six" is not a number". */
export interface ImportProblemLine {
  key: string;
  where: string;
  message: string;
}

/** The problems of a refused import, from the API error's issues (path [row, column]). */
export function importProblemLines(error: ApiError): ImportProblemLine[] {
  return error.issues.map((issue, index) => {
    const [row, column] = issue.path;
    const where =
      typeof row === 'number' ? (typeof column === 'string' ? `Row ${row}, ${column}` : `Row ${row}`) : 'The file';
    return { key: `${index}`, where, message: issue.message };
  });
}
