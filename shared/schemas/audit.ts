import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/** Things the audit log records. */
export const AuditActionSchema = z.enum([
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'auth.logout_everywhere',
  'auth.password_changed',
  'account.created',
  'admin.created',
  'partnership.created',
  'invitation.created',
  'invitation.accepted',
  'invitation.revoked',
  'member.updated',
  'member.removed',
  'token.created',
  'token.revoked',
  'round.created',
  'round.updated',
  'round.deleted',
  'round.opened',
  'round.closed',
  'round.reopened',
  'ballot.cast',
  'decision.recorded',
  'comment.thread_created',
  'comment.replied',
  'comment.resolved',
  'comment.reopened',
  'framework.imported',
  'observations.imported',
  'data_mapping.imported',
  'version.taken',
  'version.copied',
  'meeting.created',
  'meeting.updated',
  'meeting.closed',
  'action.created',
  'action.updated',
]);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** One audit log entry. */
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: TimestampSchema,
  action: AuditActionSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  partnershipId: IdSchema.nullable(),
  target: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  ip: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
