import { ApiErrorSchema } from '../../shared/schemas/apiError.ts';
import {
  FrameworkImportResultSchema,
  frameworkFileMediaTypes,
  type FrameworkFileFormat,
  type FrameworkImportMode,
  type FrameworkImportResult,
} from '../../shared/schemas/frameworkImport.ts';
import { ApiError } from './ApiError.ts';
import { segment, sessionEndedEvent, sessionEndedEvents } from './apiRequest.ts';

/** Where the framework downloads from (a plain link: the browser saves the attachment). */
export function frameworkDownloadUrl(partnershipId: string, format: FrameworkFileFormat): string {
  return `/api/partnerships/${segment(partnershipId)}/framework.${format}`;
}

/** The format of a chosen file, by its name (browsers report CSV types inconsistently); null if neither. */
export function frameworkFileFormat(file: File): FrameworkFileFormat | null {
  const name = file.name.toLowerCase();
  if (name.endsWith('.csv')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return null;
}

/**
 * Sends a framework spreadsheet to be checked (`dryRun`) or imported. A rejected file throws an `ApiError` whose
 * issues are the row-by-row problems (path `[row, column]`, see `issueToImportError`).
 */
export async function importFramework(
  partnershipId: string,
  file: File,
  format: FrameworkFileFormat,
  options: { mode: FrameworkImportMode; dryRun: boolean },
): Promise<FrameworkImportResult> {
  const query = new URLSearchParams({ mode: options.mode, dryRun: String(options.dryRun) });
  let response: Response;
  try {
    response = await fetch(`/api/partnerships/${segment(partnershipId)}/framework/import?${query}`, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': frameworkFileMediaTypes[format] },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'Common Ground could not be reached. Check your connection and try again.');
  }
  const json: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const failure = ApiErrorSchema.safeParse(json);
    if (!failure.success || response.status >= 500) {
      throw new ApiError(
        response.status,
        'unexpected_response',
        'Something went wrong on the server. Please try again.',
      );
    }
    const { code, message, issues } = failure.data.error;
    if (response.status === 401) sessionEndedEvents.dispatchEvent(new Event(sessionEndedEvent));
    throw new ApiError(response.status, code, message, issues ?? []);
  }
  const parsed = FrameworkImportResultSchema.safeParse(json);
  if (!parsed.success) {
    throw new ApiError(response.status, 'unexpected_response', 'Something went wrong on the server. Please try again.');
  }
  return parsed.data;
}
