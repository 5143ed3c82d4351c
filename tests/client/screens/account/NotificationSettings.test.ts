// @vitest-environment jsdom
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NotificationSettings } from '../../../../client/screens/account/NotificationSettings.tsx';

const api = vi.hoisted(() => ({
  getNotificationPreferences: vi.fn(),
  setNotificationMode: vi.fn(),
}));
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
async function render(): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  await settle(() => root!.render(createElement(NotificationSettings)));
  return container;
}

afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.clearAllMocks();
});

const radio = (container: HTMLElement, label: string): HTMLInputElement => {
  const found = [...container.querySelectorAll('label')].find((each) => each.textContent === label);
  return container.querySelector<HTMLInputElement>(`#${found!.htmlFor}`)!;
};

describe('Email notifications on the account page', () => {
  it('shows the saved mode and saves a new one with a status message', async () => {
    api.getNotificationPreferences.mockResolvedValue({ mode: 'daily' });
    api.setNotificationMode.mockResolvedValue({ mode: 'off' });
    const container = await render();
    expect(radio(container, 'Daily digest').checked).toBe(true);
    expect(radio(container, 'Immediately').checked).toBe(false);

    await settle(() => radio(container, 'Off').click());
    await settle(() => container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(api.setNotificationMode).toHaveBeenCalledWith('off');
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'Saved: Common Ground will not email you.',
    );
  });

  it('says when saving failed, and keeps the choice', async () => {
    api.getNotificationPreferences.mockResolvedValue({ mode: 'immediately' });
    api.setNotificationMode.mockRejectedValue(new Error('offline'));
    const container = await render();
    await settle(() => radio(container, 'Daily digest').click());
    await settle(() => container.querySelector<HTMLButtonElement>('button[type="submit"]')!.click());
    expect(container.querySelector('[role="alert"]')).not.toBeNull();
    expect(radio(container, 'Daily digest').checked).toBe(true);
  });
});
