import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

// The router keeps its key for each history entry in history.state; a reload keeps it. Pages shown under this
// key are the one the browser loaded, where focus should stay at the top so the skip link comes first.
const keyAtLoad = (window.history.state as { key?: unknown } | null)?.key ?? 'default';

/** Formats a page title the same way on every screen. */
export function documentTitle(title: string): string {
  return `${title} – Common Ground`;
}

/**
 * The main landmark of every screen, with its document title. After a navigation inside the app, focus moves
 * to the new content, so screen reader and keyboard users start where a full page load would put them.
 */
export function Page({ title, children, wide = false }: { title: string; children: ReactNode; wide?: boolean }) {
  const mainRef = useRef<HTMLElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    document.title = documentTitle(title);
  }, [title]);

  useEffect(() => {
    if (key !== keyAtLoad) mainRef.current?.focus();
  }, [key]);

  return (
    <main id="main" ref={mainRef} tabIndex={-1} className={wide ? 'page page--wide' : 'page'}>
      {children}
    </main>
  );
}
