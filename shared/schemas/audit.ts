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
  'partnership.area_changed',
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
  'indicator_metadata.imported',
  'comparator_areas.changed',
  'data_mapping.imported',
  'version.taken',
  'version.copied',
  'meeting.created',
  'meeting.updated',
  'meeting.closed',
  'action.created',
  'action.updated',
  'network.created',
  'network.coordinator_invited',
  'network.coordinator_added',
  'network.invited',
  'network.joined',
  'network.declined',
  'network.left',
  'network.removed',
  'network.sharing_changed',
  'network.version_published',
  'network.change_adopted',
  'network.change_declined',
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

/** The kinds of entry the audit log can be filtered by: the part of an action before its dot ("round", "ballot"…). */
export const auditCategories = Array.from(new Set(AuditActionSchema.options.map((action) => action.split('.')[0]!)));

const commaList = (max: number) =>
  z
    .string()
    .max(2_000)
    .transform((text) => text.split(',').filter((item) => item !== ''))
    .pipe(z.array(z.string()).max(max));

/**
 * Query of the audit log routes: pages go back in time by `before` (the id of the oldest entry already shown), at
 * most `limit` entries a page; filters narrow by kind of action, by who acted and by date (inclusive, UTC days).
 */
export const AuditQuerySchema = z
  .object({
    before: z.coerce.number().int().positive().optional(),
    limit: z.coerce.number().int().min(1).max(500).default(500),
    categories: commaList(auditCategories.length)
      .pipe(
        z.array(
          z.string().refine((category) => auditCategories.includes(category), {
            error: (issue) => `"${String(issue.input)}" is not a kind of audit entry (${auditCategories.join(', ')})`,
          }),
        ),
      )
      .optional(),
    actorId: IdSchema.optional(),
    from: z.iso.date({ error: 'from must be a date like 2026-12-01' }).optional(),
    to: z.iso.date({ error: 'to must be a date like 2026-12-31' }).optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    error: 'from must not be after to',
    path: ['to'],
  });
export type AuditQuery = z.output<typeof AuditQuerySchema>;
