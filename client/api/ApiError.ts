import type { z } from 'zod';
import type { ApiIssueSchema } from '../../shared/schemas/apiError.ts';

/** One problem with a request, pointing at the offending field. */
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/**
 * A request to `/api/*` that did not succeed, in words fit to show a person: the server's own message for 4xx
 * answers, a plain explanation otherwise. Never carries a stack trace or a raw response body.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  /** HTTP status; 0 when the server could not be reached at all. */
  readonly status: number;
  readonly code: string;
  readonly issues: readonly ApiIssue[];
  /** What is there now, when a change was refused as stale (unchecked: parse it before use). */
  readonly current: unknown;

  constructor(status: number, code: string, message: string, issues: readonly ApiIssue[] = [], current?: unknown) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.current = current;
  }
}

/** The message to show for any failure, whether or not it came from the API. */
export function messageFor(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Reload the page and try again.';
}

/** Whether a failure means the person is not signed in (or their session has ended). */
export function isUnauthenticated(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code === 'unauthenticated';
}

/** Whether a request was cancelled on purpose (the screen that asked for it went away). */
export function isAbort(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}
