import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import {
  observeProjection,
  priorityLookup,
  readPriorities,
  readRoundProjections,
} from '../../shared/model/prioritisation/projection.ts';
import { ballotsDocName } from '../../shared/protocol/docNames.ts';
import { collabUrl } from '../sync/collabUrl.ts';
import { DocSession, type DocSessionState } from '../sync/DocSession.ts';
import { BallotsProjectionContext, type BallotsProjection } from './BallotsProjectionContext.ts';

const connecting: DocSessionState = { connection: { kind: 'connecting' }, localLoaded: true, accessChanges: 0 };
const empty = { rounds: [], priorities: [], priorityOf: priorityLookup([]) };
const noop = (): (() => void) => () => {};

/**
 * Opens the partnership's ballots projection (read-only, written by the server) once for the screens that show it:
 * prioritisation, and the agreed priority badges of the framework and concerns. No copy is kept on the device: the
 * server is the only source, and a stale copy could show a wrong count.
 */
export function BallotsProjectionProvider({ partnershipId, children }: { partnershipId: string; children: ReactNode }) {
  const [session, setSession] = useState<DocSession | null>(null);

  useEffect(() => {
    const created = new DocSession({
      docName: ballotsDocName(partnershipId),
      serverUrl: collabUrl(),
      persistLocally: false,
    });
    // The session is an external resource whose lifetime is this effect's; React state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setSession(created);
    return () => {
      setSession(null);
      created.destroy();
    };
  }, [partnershipId]);

  const state = useSyncExternalStore(session?.subscribe ?? noop, session?.getState ?? (() => connecting));

  // Reads are cached per doc update, so React sees a stable snapshot between changes.
  const cache = useRef<{ session: DocSession | null; updates: number; value: Omit<BallotsProjection, 'connection'> }>({
    session: null,
    updates: -1,
    value: empty,
  });
  const updates = useRef(0);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!session) return () => {};
      return observeProjection(session.doc, () => {
        updates.current += 1;
        onChange();
      });
    },
    [session],
  );
  const getSnapshot = useCallback(() => {
    if (!session) return empty;
    if (cache.current.session !== session || cache.current.updates !== updates.current) {
      const previous = cache.current.value;
      const read = readPriorities(session.doc);
      // Ballots change the rounds many times a minute; agreed priorities rarely. Keeping the same priority objects
      // while they are unchanged lets every badge on a 500-outcome grid skip redrawing on each ballot.
      const unchanged = JSON.stringify(read) === JSON.stringify(previous.priorities);
      const priorities = unchanged ? previous.priorities : read;
      cache.current = {
        session,
        updates: updates.current,
        value: {
          rounds: readRoundProjections(session.doc),
          priorities,
          priorityOf: unchanged ? previous.priorityOf : priorityLookup(priorities),
        },
      };
    }
    return cache.current.value;
  }, [session]);
  const content = useSyncExternalStore(subscribe, getSnapshot);

  const value = useMemo<BallotsProjection>(
    () => ({ ...content, connection: state.connection }),
    [content, state.connection],
  );
  return <BallotsProjectionContext.Provider value={value}>{children}</BallotsProjectionContext.Provider>;
}
