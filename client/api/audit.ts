import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from '../../shared/schemas/audit.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** Which page of the audit log to ask for, and how to narrow it (see `AuditQuerySchema`). */
export interface AuditPageQuery {
  before?: number;
  limit?: number;
  categories?: readonly string[];
  actorId?: string;
  from?: string;
  to?: string;
}

function queryString(query: AuditPageQuery): string {
  const search = new URLSearchParams();
  if (query.before !== undefined) search.set('before', String(query.before));
  if (query.limit !== undefined) search.set('limit', String(query.limit));
  if (query.categories && query.categories.length > 0) search.set('categories', query.categories.join(','));
  if (query.actorId) search.set('actorId', query.actorId);
  if (query.from) search.set('from', query.from);
  if (query.to) search.set('to', query.to);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A page of a partnership's audit log, newest first as the server sends it (facilitators and administrators). */
export function listAuditEntries(
  partnershipId: string,
  query: AuditPageQuery = {},
  signal?: AbortSignal,
): Promise<AuditEntry[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/audit${queryString(query)}`, {
    schema: z.array(AuditEntrySchema),
    ...(signal ? { signal } : {}),
  });
}
