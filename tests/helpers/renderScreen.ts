import { act, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, vi } from 'vitest';
import { waitFor } from './waitFor.ts';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let root: Root | null = null;

// Registered once per test file that imports this helper: each test starts on an empty page with fresh mocks.
afterEach(() => {
  act(() => root?.unmount());
  root = null;
  document.body.innerHTML = '';
  vi.clearAllMocks();
});

/** Runs `action` inside act() and lets the promises it started settle (loads, saves). */
export async function settle(action: () => void): Promise<void> {
  await act(async () => {
    action();
    await Promise.resolve();
  });
}

/** Renders `element` into a fresh container in the document (unmounted after the test) and lets its loads settle. */
export async function renderScreen(element: ReactElement): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const mounted = createRoot(container);
  root = mounted;
  await settle(() => mounted.render(element));
  return container;
}

/** Polls `check` (an assertion) until it passes, letting React apply what settled between tries. */
export function untilScreen<T>(check: () => T): Promise<T> {
  return waitFor(async () => {
    await act(async () => {});
    return check();
  });
}
