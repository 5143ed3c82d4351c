// @vitest-environment jsdom
import { createElement } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NotificationSettings } from '../../../../client/screens/account/NotificationSettings.tsx';
import { renderScreen, settle } from '../../../helpers/renderScreen.ts';

const api = vi.hoisted(() => ({
  getNotificationPreferences: vi.fn(),
  setNotificationMode: vi.fn(),
}));
vi.mock('../../../../client/api/mail.ts', () => api);

const render = () => renderScreen(createElement(NotificationSettings));

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
