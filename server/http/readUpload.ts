import type { Context } from 'hono';
import type { Upload, UploadRule } from '../routes/defineRoute.ts';
import { HttpError } from './errors.ts';

function megabytes(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return `${Number.isInteger(value) ? value : value.toFixed(1)} MB`;
}

function tooLarge(rule: UploadRule): HttpError {
  return new HttpError(
    413,
    'too_large',
    `The ${rule.description} is larger than ${megabytes(rule.maxBytes)}, the most that can be uploaded. Remove rows you do not need, or split it, and try again.`,
  );
}

/**
 * Reads a request body as a stream, stopping as soon as it passes `maxBytes` (null then), so an oversized (or endless,
 * chunked) body never sits in memory whole. A declared length over the limit is refused before anything is read.
 */
export async function readBodyWithin(c: Context, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) return null;

  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Reads a raw upload: checks its media type, then its bytes up to the rule's limit (413 past it). */
export async function readUpload(c: Context, rule: UploadRule): Promise<Upload> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!rule.mediaTypes.includes(mediaType)) {
    throw new HttpError(
      415,
      'unsupported_media_type',
      `Send the ${rule.description} as the request body with Content-Type ${rule.mediaTypes.join(' or ')}`,
    );
  }
  const bytes = await readBodyWithin(c, rule.maxBytes);
  if (!bytes) throw tooLarge(rule);
  return { mediaType, bytes };
}
