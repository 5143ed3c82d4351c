import { z } from 'zod';
import { AuditEntrySchema, type AuditEntry } from '../../shared/schemas/audit.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** A partnership's audit log, newest first as the server sends it (facilitators and administrators). */
export function listAuditEntries(partnershipId: string, signal?: AbortSignal): Promise<AuditEntry[]> {
  return apiRequest('GET', `/api/partnerships/${segment(partnershipId)}/audit`, {
    schema: z.array(AuditEntrySchema),
    ...(signal ? { signal } : {}),
  });
}
