import { useEffect, useState, useSyncExternalStore } from 'react';
import { DocSession, type DocSessionState } from './DocSession.ts';
import { collabUrl } from './collabUrl.ts';

const connectingState: DocSessionState = { connection: { kind: 'connecting' }, localLoaded: false, accessChanges: 0 };
const noop = (): (() => void) => () => {};

/**
 * Opens a shared document for as long as the calling component is mounted and returns the session and its
 * live state. The session is created in an effect (not during render) so StrictMode's double mount does not
 * leave an orphaned socket behind: the first one is destroyed by the effect's cleanup.
 */
export function useDoc(
  docName: string,
  params?: Record<string, string>,
): {
  session: DocSession | null;
  state: DocSessionState;
} {
  const [session, setSession] = useState<DocSession | null>(null);
  const paramsKey = JSON.stringify(params ?? {});

  useEffect(() => {
    const created = new DocSession({
      docName,
      serverUrl: collabUrl(),
      params: JSON.parse(paramsKey) as Record<string, string>,
    });
    // The session is an external resource whose lifetime is this effect's; React state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [docName, paramsKey]);

  const state = useSyncExternalStore(session?.subscribe ?? noop, session?.getState ?? (() => connectingState));
  return { session, state };
}
