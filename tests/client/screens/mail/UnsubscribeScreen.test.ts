// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UnsubscribeScreen } from '../../../../client/screens/mail/UnsubscribeScreen.tsx';

const api = vi.hoisted(() => ({ getUnsubscribe: vi.fn(), unsubscribe: vi.fn() }));
vi.mock('../../../../client/api/mail.ts', () => api);

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Runs `action` inside act() and lets the promises it started settle (loads, saves). */
async function settle(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await Promise.resolve();
  });
}

let root: Root | null = null;
async function render(token: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await settle(() =>
    root!.render(
      createElement(
        MemoryRouter,
        { initialEntries: [`/unsubscribe/${token}`] },
        createElement(
          Routes,
          null,
          createElement(Route, { path: '/unsubscribe/:token', element: createElement(UnsubscribeScreen) }),
        ),
      ),
    ),
  );
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.clearAllMocks();
});

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
