import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';

/** The current string of a shared text, re-rendering on every change (for display, not for editing). */
export function useTextValue(text: Y.Text | null): string {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!text) return () => {};
      text.observe(onChange);
      return () => text.unobserve(onChange);
    },
    [text],
  );
  return useSyncExternalStore(subscribe, () => text?.toString() ?? '');
}
