import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ApiError } from '../../shared/schemas/apiError.ts';

/** An error a route throws to answer with a 4xx and the documented error body. */
export class HttpError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly issues: ApiError['error']['issues'];
  /** What the caller needs to recover, sent in the error object (a 409 `ballot_changed` sends the current ballot). */
  readonly current: unknown;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    issues?: ApiError['error']['issues'],
    current?: unknown,
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.issues = issues;
    this.current = current;
  }
}

/** 429: the caller must wait. The wait is also sent as `Retry-After`, so scripts can back off without reading it. */
export class RateLimitedError extends HttpError {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterMs: number) {
    super(429, 'rate_limited', message);
    this.retryAfterSeconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  }
}

/** Writes the `{"error": {...}}` body; never includes a stack trace. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  issues?: ApiError['error']['issues'],
  current?: unknown,
): Response {
  const body: ApiError = {
    error: { code, message, ...(issues ? { issues } : {}), ...(current === undefined ? {} : { current }) },
  };
  return c.json(body, status);
}
