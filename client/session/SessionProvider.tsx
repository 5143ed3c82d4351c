import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me } from '../../shared/schemas/auth.ts';
import { ApiError, isAbort } from '../api/ApiError.ts';
import { sessionEndedEvent, sessionEndedEvents } from '../api/apiRequest.ts';
import { fetchMe, signOut as requestSignOut, signOutEverywhere } from '../api/auth.ts';
import { forgetLocalCopies } from '../sync/localCopies.ts';
import { SessionContext, type Session, type SessionState } from './SessionContext.ts';

async function loadSession(signal?: AbortSignal): Promise<SessionState> {
  try {
    return { status: 'signed-in', me: await fetchMe(signal) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return { status: 'signed-out', reason: 'not-signed-in' };
    if (error instanceof ApiError) return { status: 'unreachable', error };
    throw error;
  }
}

/** Loads who is signed in once, and keeps every screen in step when that changes. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    loadSession(controller.signal).then(setState, (error: unknown) => {
      if (!isAbort(error)) setState({ status: 'unreachable', error: new ApiError(0, 'unknown', String(error)) });
    });
    return () => controller.abort();
  }, []);

  // Any request that finds the session gone (expired, signed out elsewhere) sends the person to sign in.
  useEffect(() => {
    const handleEnded = (): void =>
      setState((current) =>
        current.status === 'signed-out' ? current : { status: 'signed-out', reason: 'session-ended' },
      );
    sessionEndedEvents.addEventListener(sessionEndedEvent, handleEnded);
    return () => sessionEndedEvents.removeEventListener(sessionEndedEvent, handleEnded);
  }, []);

  const refresh = useCallback(async () => setState(await loadSession()), []);
  const signedIn = useCallback((me: Me) => setState({ status: 'signed-in', me }), []);
  const signOut = useCallback(async ({ everywhere = false }: { everywhere?: boolean } = {}) => {
    if (everywhere) await signOutEverywhere();
    else await requestSignOut();
    setState({ status: 'signed-out', reason: everywhere ? 'signed-out-everywhere' : 'signed-out' });
    // Laptops are shared: the next person must not find this person's partnerships saved on the device.
    await forgetLocalCopies();
  }, []);

  const session = useMemo<Session>(() => ({ state, refresh, signedIn, signOut }), [state, refresh, signedIn, signOut]);
  return <SessionContext value={session}>{children}</SessionContext>;
}
