import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/** How someone wants to hear about what needs them: each email as it happens, one digest a day, or none. */
export const NotificationModeSchema = z.enum(['immediately', 'daily', 'off']);
export type NotificationMode = z.infer<typeof NotificationModeSchema>;

/** What an email is about. */
export const MailKindSchema = z.enum([
  'invitation',
  'mention',
  'round-open',
  'round-closing',
  'decision',
  'action-assigned',
  'action-due',
  'decision-review',
  'digest',
]);
export type MailKind = z.infer<typeof MailKindSchema>;

/**
 * Where a message is: `queued` to send (again, after a failure, at `nextAttemptAt`), `sent`, `failed` after its last
 * attempt, `kept` because no SMTP server is configured (held for the administrator), `held` for the person's daily
 * digest, `digested` once it went out in one.
 */
export const OutboxStatusSchema = z.enum(['queued', 'sent', 'failed', 'kept', 'held', 'digested']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** `GET|PUT /api/me/notifications`. */
export const NotificationPreferencesSchema = z.object({ mode: NotificationModeSchema });
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** `GET /api/unsubscribe/:token`: whose email the link turns off (their name, never the address). */
export const UnsubscribePreviewSchema = z.object({ displayName: z.string(), mode: NotificationModeSchema });
export type UnsubscribePreview = z.infer<typeof UnsubscribePreviewSchema>;

/** One message as the administrator's outbox lists it (no bodies). */
export const OutboxMessageSummarySchema = z.object({
  id: IdSchema,
  to: z.string(),
  subject: z.string(),
  kind: MailKindSchema,
  status: OutboxStatusSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: TimestampSchema,
  sentAt: TimestampSchema.nullable(),
  nextAttemptAt: TimestampSchema,
});
export type OutboxMessageSummary = z.infer<typeof OutboxMessageSummarySchema>;

/** One message with its bodies. */
export const OutboxMessageSchema = OutboxMessageSummarySchema.extend({
  textBody: z.string(),
  htmlBody: z.string().nullable(),
});
export type OutboxMessage = z.infer<typeof OutboxMessageSchema>;

/** `GET /api/admin/outbox`: newest first; `nextCursor` asks for the page after this one. */
export const OutboxPageSchema = z.object({
  messages: z.array(OutboxMessageSummarySchema),
  nextCursor: z.string().nullable(),
  /** Whether an SMTP server is configured; when not, messages are kept here. */
  smtpConfigured: z.boolean(),
});
export type OutboxPage = z.infer<typeof OutboxPageSchema>;

export const OutboxQuerySchema = z.object({
  status: OutboxStatusSchema.optional(),
  cursor: z.string().max(200).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;
