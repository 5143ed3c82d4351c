import { z } from 'zod';
import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  NotificationPreferencesSchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  OutboxQuerySchema,
  UnsubscribePreviewSchema,
  type OutboxMessage,
  type OutboxMessageSummary,
} from '../../shared/schemas/mail.ts';
import { HttpError } from '../http/errors.ts';
import type { MailAccess } from '../mail/createMail.ts';
import type { MailRecord, MailRepository } from '../store/repositories/MailRepository.ts';
import type { UserRepository } from '../store/repositories/UserRepository.ts';
import { defineRoute, type Route } from './defineRoute.ts';

const TokenParams = z.object({ token: z.string().min(1).max(200) });
const MessageParams = z.object({ id: z.string().min(1).max(100) });
const pageSize = 50;

const unknownLink = () =>
  new HttpError(
    404,
    'not_found',
    'This unsubscribe link is not recognised. Change your email settings on your account page.',
  );

function summary(record: MailRecord): OutboxMessageSummary {
  return {
    id: record.id,
    to: record.toAddress,
    subject: record.subject,
    kind: record.kind,
    status: record.status,
    attempts: record.attempts,
    lastError: record.lastError,
    createdAt: record.createdAt,
    sentAt: record.sentAt,
    nextAttemptAt: record.nextAttemptAt,
  };
}

const detail = (record: MailRecord): OutboxMessage => ({
  ...summary(record),
  textBody: record.textBody,
  htmlBody: record.htmlBody,
});

// A cursor is the last message of a page: its creation time and id, so a page never repeats or skips a message.
const cursorOf = (record: MailRecord): string =>
  Buffer.from(JSON.stringify([record.createdAt, record.id])).toString('base64url');

function parseCursor(cursor: string | undefined): { createdAt: string; id: string } | undefined {
  if (!cursor) return undefined;
  try {
    const [createdAt, id] = z
      .tuple([z.string(), z.string()])
      .parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { createdAt, id };
  } catch {
    throw new HttpError(400, 'invalid_request', 'The cursor is not one this server gave out', [
      { path: ['cursor'], message: 'Not a cursor from a previous page' },
    ]);
  }
}

/** Notification preferences (mine, and by unsubscribe link) and the administrator's outbox. */
export function mailRoutes(access: MailAccess, mail: MailRepository, users: Pick<UserRepository, 'findById'>): Route[] {
  const preferencesByLink = async (token: string) => {
    const preferences = await access.preferences.byToken(token);
    if (!preferences) throw unknownLink();
    return preferences;
  };

  return [
    defineRoute({
      method: 'get',
      path: '/api/me/notifications',
      summary: 'How I want to hear about what needs me by email',
      tag: 'me',
      access: { kind: 'signedIn' },
      response: NotificationPreferencesSchema,
      handler: async ({ principal }) => ({ mode: await access.preferences.mode(principal!.user.id) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/me/notifications',
      summary: 'Email me immediately, in a daily digest, or not at all',
      tag: 'me',
      access: { kind: 'signedIn' },
      body: NotificationPreferencesSchema,
      exampleBody: { mode: 'daily' },
      response: NotificationPreferencesSchema,
      handler: async ({ principal, body }) => {
        await access.preferences.setMode(principal!.user.id, body.mode);
        return { mode: body.mode };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/unsubscribe/:token',
      summary: 'Whose emails an unsubscribe link turns off (their name, never their address)',
      tag: 'mail',
      access: { kind: 'public' },
      params: TokenParams,
      response: UnsubscribePreviewSchema,
      handler: async ({ params }) => {
        const preferences = await preferencesByLink(params.token);
        const user = await users.findById(preferences.userId);
        if (!user) throw unknownLink();
        return { displayName: user.displayName, mode: preferences.mode };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/unsubscribe/:token',
      summary: 'Stop every email to the person an unsubscribe link belongs to',
      tag: 'mail',
      access: { kind: 'public' },
      params: TokenParams,
      response: NotificationPreferencesSchema,
      handler: async ({ params }) => {
        const preferences = await preferencesByLink(params.token);
        await access.preferences.setMode(preferences.userId, 'off');
        return { mode: 'off' as const };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/outbox',
      summary: 'Every email the app sent or keeps, newest first, a page at a time (administrators)',
      tag: 'mail',
      access: { kind: 'admin' },
      query: OutboxQuerySchema,
      response: OutboxPageSchema,
      handler: async ({ query }) => {
        const rows = await mail.list({ status: query.status, before: parseCursor(query.cursor), limit: pageSize + 1 });
        const page = rows.slice(0, pageSize);
        const last = page.at(-1);
        return {
          messages: page.map(summary),
          nextCursor: rows.length > pageSize && last ? cursorOf(last) : null,
          smtpConfigured: access.smtpConfigured,
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/outbox/:id',
      summary: 'One email with its bodies (administrators)',
      tag: 'mail',
      access: { kind: 'admin' },
      params: MessageParams,
      response: OutboxMessageSchema,
      handler: async ({ params }) => {
        const record = await mail.findById(params.id);
        if (!record) throw new HttpError(404, 'not_found', 'No such email in the outbox');
        return detail(record);
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/outbox/:id/retry',
      summary: 'Send a failed (or kept) email again now (administrators; needs SMTP_URL)',
      tag: 'mail',
      access: { kind: 'admin' },
      params: MessageParams,
      response: OkSchema,
      handler: async ({ params }) => {
        if (!access.smtpConfigured) {
          throw new HttpError(
            409,
            'no_smtp',
            'No SMTP server is configured (SMTP_URL), so the email stays in the outbox. Configure one, then retry.',
          );
        }
        if (!(await mail.retry(params.id, new Date().toISOString()))) {
          throw new HttpError(404, 'not_found', 'No failed or kept email with that id');
        }
        access.nudge();
        return { ok: true as const };
      },
    }),
  ];
}
