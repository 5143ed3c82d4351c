// @vitest-environment jsdom
import { createElement } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { UnsubscribeScreen } from '../../../../client/screens/mail/UnsubscribeScreen.tsx';
import { renderScreen, settle } from '../../../helpers/renderScreen.ts';

const api = vi.hoisted(() => ({ getUnsubscribe: vi.fn(), unsubscribe: vi.fn() }));
vi.mock('../../../../client/api/mail.ts', () => api);

const render = (token: string) =>
  renderScreen(
    createElement(
      MemoryRouter,
      { initialEntries: [`/unsubscribe/${token}`] },
      createElement(
        Routes,
        null,
        createElement(Route, { path: '/unsubscribe/:token', element: createElement(UnsubscribeScreen) }),
      ),
    ),
  );

describe('the unsubscribe page', () => {
  it('names whose emails stop, and stops them with one button', async () => {
    api.getUnsubscribe.mockResolvedValue({ displayName: 'Rita Reader', mode: 'immediately' });
    api.unsubscribe.mockResolvedValue({ mode: 'off' });
    const container = await render('tok-123');
    expect(api.getUnsubscribe).toHaveBeenCalledWith('tok-123', expect.anything());
    expect(container.textContent).toContain('Rita Reader');
    const button = [...container.querySelectorAll('button')].find((b) => b.textContent === 'Stop all emails')!;
    await settle(() => button.click());
    expect(api.unsubscribe).toHaveBeenCalledWith('tok-123');
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'Common Ground will not email Rita Reader any more.',
    );
  });
});
