import type { z } from 'zod';
import { ApiErrorSchema } from '../../shared/schemas/apiError.ts';
import { ApiError } from './ApiError.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions<S extends z.ZodType> {
  /** The JSON body; omitted for GET. */
  body?: unknown;
  /** The schema the successful answer must match; anything else is treated as a failure. */
  schema: S;
  signal?: AbortSignal;
  /** Extra request headers (e.g. `If-Match`). */
  headers?: Record<string, string>;
  /** Called with the response's headers when the request succeeded (e.g. to keep an `ETag`). */
  onHeaders?: (headers: Headers) => void;
}

/**
 * Fires when the server says the session has ended, whichever screen asked: the session provider listens and
 * sends the person to sign in.
 */
export const sessionEndedEvents = new EventTarget();
export const sessionEndedEvent = 'session-ended';

const unreachable = 'Common Ground could not be reached. Check your internet connection and try again.';
const unexpected = 'Something went wrong on the server. Please try again in a moment.';

/**
 * Calls the Common Ground API with the session cookie and returns the answer parsed by `schema`.
 * Throws an `ApiError` for every failure (network, 4xx/5xx, or an answer of the wrong shape); rethrows aborts.
 */
export async function apiRequest<S extends z.ZodType>(
  method: HttpMethod,
  path: string,
  { body, schema, signal, headers, onHeaders }: ApiRequestOptions<S>,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'unreachable', unreachable);
  }

  const json = await readJson(response);
  if (!response.ok) {
    const failure = ApiErrorSchema.safeParse(json);
    if (!failure.success) throw new ApiError(response.status, 'unexpected_response', unexpected);
    const { code, message, issues } = failure.data.error;
    if (response.status === 401 && code === 'unauthenticated') {
      sessionEndedEvents.dispatchEvent(new Event(sessionEndedEvent));
    }
    // A 5xx message is written for people already, but its wording is not ours to rely on.
    throw new ApiError(
      response.status,
      code,
      response.status >= 500 ? unexpected : message,
      issues ?? [],
      failure.data.error.current,
    );
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new ApiError(response.status, 'unexpected_response', unexpected);
  onHeaders?.(response.headers);
  return parsed.data;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return undefined;
  }
}

/** Encodes one path segment (an id or token) so it cannot change the route it is put into. */
export function segment(value: string): string {
  return encodeURIComponent(value);
}
