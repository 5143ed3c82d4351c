import { lazy, type ComponentType } from 'react';

export interface LazyScreenOptions {
  /**
   * When the app is opened directly at an address this matches, the screen's code is fetched at once, alongside the
   * app's own, instead of after the data its layout waits for (the partnership, then the shared document).
   */
  preloadOn?: RegExp;
}

/**
 * A screen loaded only when first shown (its code is split from the first page's), from a module that
 * exports it by name.
 */
export function lazyScreen<K extends string>(
  load: () => Promise<Record<K, ComponentType>>,
  name: K,
  options: LazyScreenOptions = {},
) {
  let loading: Promise<Record<K, ComponentType>> | null = null;
  const start = (): Promise<Record<K, ComponentType>> => (loading ??= load());
  // A failed preload is reported when the screen is shown (its error boundary), not as an unhandled rejection.
  if (options.preloadOn?.test(window.location.pathname)) start().catch(() => {});
  return lazy(async () => ({ default: (await start())[name] }));
}
