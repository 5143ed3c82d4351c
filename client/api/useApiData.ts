import { useCallback, useEffect, useState } from 'react';
import { isAbort } from './ApiError.ts';

/** What a screen knows about data it asked the API for. */
export type ApiData<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'failed'; error: unknown };

/**
 * Loads data for a screen and reloads it on demand. `load` must be stable (wrap it in `useCallback`): a new
 * `load` starts a new request and cancels the previous one. While reloading, the previous data stays on screen.
 */
export function useApiData<T>(load: (signal: AbortSignal) => Promise<T>): ApiData<T> & { reload: () => void } {
  const [result, setResult] = useState<{ load: typeof load; data: ApiData<T> } | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setResult({ load, data: { status: 'ready', data } }),
      (error: unknown) => {
        if (!isAbort(error) && !controller.signal.aborted) setResult({ load, data: { status: 'failed', error } });
      },
    );
    return () => controller.abort();
  }, [load, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  // Data loaded for a previous `load` (another partnership, say) is never shown for this one.
  const data: ApiData<T> = result && result.load === load ? result.data : { status: 'loading' };
  return { ...data, reload };
}
