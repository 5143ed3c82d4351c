// @vitest-environment jsdom
import { createElement } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OutboxMessageSummary } from '../../../../shared/schemas/mail.ts';
import { OutboxScreen } from '../../../../client/screens/mail/OutboxScreen.tsx';
import { renderScreen, settle, untilScreen } from '../../../helpers/renderScreen.ts';

const api = vi.hoisted(() => ({ listOutbox: vi.fn(), getOutboxMessage: vi.fn(), retryOutboxMessage: vi.fn() }));
vi.mock('../../../../client/api/mail.ts', () => api);
const session = vi.hoisted(() => ({ isAdmin: true }));
vi.mock('../../../../client/session/useSession.ts', () => ({
  useMe: () => ({ user: { id: 'a1', displayName: 'Ada Admin', isAdmin: session.isAdmin } }),
}));

const render = () => renderScreen(createElement(MemoryRouter, null, createElement(OutboxScreen)));

afterEach(() => {
  session.isAdmin = true;
});

function buildSummary(overrides: Partial<OutboxMessageSummary> = {}): OutboxMessageSummary {
  return {
    id: 'm1',
    to: 'rita@example.org',
    subject: 'Esme Editor mentioned you',
    kind: 'mention',
    status: 'failed',
    attempts: 5,
    lastError: 'connect ECONNREFUSED',
    createdAt: '2026-12-01T10:00:00.000Z',
    sentAt: null,
    nextAttemptAt: '2026-12-01T12:00:00.000Z',
    ...overrides,
  };
}

const buttonNamed = (container: HTMLElement, words: string) =>
  [...container.querySelectorAll('button')].find((button) => button.textContent?.startsWith(words));

describe('the administrator’s outbox', () => {
  it('lists emails, opens one, and sends a failed one again', async () => {
    api.listOutbox.mockResolvedValue({ messages: [buildSummary()], nextCursor: null, smtpConfigured: true });
    api.getOutboxMessage.mockResolvedValue({
      ...buildSummary(),
      textBody: 'Can you check the figures?',
      htmlBody: null,
    });
    api.retryOutboxMessage.mockResolvedValue(undefined);
    const container = await render();
    const row = container.querySelector('[data-testid="outbox-table"] tbody tr')!;
    expect(row.textContent).toContain('rita@example.org');
    expect(row.textContent).toContain('Failed');
    expect(row.textContent).toContain('connect ECONNREFUSED');

    await settle(() => buttonNamed(container, 'View')!.click());
    await untilScreen(() => expect(container.querySelector('pre')?.textContent).toBe('Can you check the figures?'));

    await settle(() => buttonNamed(container, 'Send again')!.click());
    expect(api.retryOutboxMessage).toHaveBeenCalledWith('m1');
    await untilScreen(() =>
      expect(container.querySelector('[role="status"]')?.textContent).toContain('will be sent again now'),
    );
  });

  it('says when no SMTP server is configured, and offers no retry for kept emails then', async () => {
    api.listOutbox.mockResolvedValue({
      messages: [buildSummary({ status: 'kept', attempts: 0, lastError: null })],
      nextCursor: null,
      smtpConfigured: false,
    });
    const container = await render();
    expect(container.textContent).toContain('No SMTP server is configured');
    expect(buttonNamed(container, 'Send again')).toBeUndefined();
  });

  it('is for administrators only', async () => {
    session.isAdmin = false;
    const container = await render();
    expect(container.textContent).toContain('Only instance administrators can read the outbox.');
    expect(api.listOutbox).not.toHaveBeenCalled();
  });
});
