import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';

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
    // 'default' is the key of the page the browser loaded; only later navigations move focus.
    if (key !== 'default') mainRef.current?.focus();
  }, [key]);

  return (
    <main id="main" ref={mainRef} tabIndex={-1} className={wide ? 'page page--wide' : 'page'}>
      {children}
    </main>
  );
}
