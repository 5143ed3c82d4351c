import { OkSchema } from '../../shared/schemas/auth.ts';
import {
  NotificationPreferencesSchema,
  OutboxMessageSchema,
  OutboxPageSchema,
  UnsubscribePreviewSchema,
  type NotificationMode,
  type NotificationPreferences,
  type OutboxMessage,
  type OutboxPage,
  type OutboxStatus,
  type UnsubscribePreview,
} from '../../shared/schemas/mail.ts';
import { apiRequest, segment } from './apiRequest.ts';

/** How I want to hear about what needs me by email. */
export function getNotificationPreferences(signal?: AbortSignal): Promise<NotificationPreferences> {
  return apiRequest('GET', '/api/me/notifications', {
    schema: NotificationPreferencesSchema,
    ...(signal ? { signal } : {}),
  });
}

export function setNotificationMode(mode: NotificationMode): Promise<NotificationPreferences> {
  return apiRequest('PUT', '/api/me/notifications', { body: { mode }, schema: NotificationPreferencesSchema });
}

/** Whose emails an unsubscribe link turns off (no sign-in needed). */
export function getUnsubscribe(token: string, signal?: AbortSignal): Promise<UnsubscribePreview> {
  return apiRequest('GET', `/api/unsubscribe/${segment(token)}`, {
    schema: UnsubscribePreviewSchema,
    ...(signal ? { signal } : {}),
  });
}

export function unsubscribe(token: string): Promise<NotificationPreferences> {
  return apiRequest('POST', `/api/unsubscribe/${segment(token)}`, { schema: NotificationPreferencesSchema });
}

/** A page of the outbox, newest first (administrators). */
export function listOutbox(
  filter: { status?: OutboxStatus | undefined; cursor?: string | undefined },
  signal?: AbortSignal,
): Promise<OutboxPage> {
  const query = new URLSearchParams();
  if (filter.status) query.set('status', filter.status);
  if (filter.cursor) query.set('cursor', filter.cursor);
  const search = query.toString();
  return apiRequest('GET', `/api/admin/outbox${search ? `?${search}` : ''}`, {
    schema: OutboxPageSchema,
    ...(signal ? { signal } : {}),
  });
}

export function getOutboxMessage(id: string): Promise<OutboxMessage> {
  return apiRequest('GET', `/api/admin/outbox/${segment(id)}`, { schema: OutboxMessageSchema });
}

export async function retryOutboxMessage(id: string): Promise<void> {
  await apiRequest('POST', `/api/admin/outbox/${segment(id)}/retry`, { schema: OkSchema });
}
