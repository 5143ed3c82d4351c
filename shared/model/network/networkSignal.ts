import type * as Y from 'yjs';

/**
 * A network's signal doc (`n:<networkId>`) holds one map, `signal`: a `revision` that the server moves on whenever
 * what the network sees changes (membership, sharing, template versions, choices), and when. Screens refetch their
 * aggregate views when it moves; the doc itself carries nothing about any place.
 */
const signalMapName = 'signal';

/** The signal as a reader sees it: revision 0 before anything has changed. */
export interface NetworkSignalState {
  revision: number;
  changedAt: string | null;
}

/** Moves the revision on by one and stamps the time (server only). */
export function bumpNetworkSignal(doc: Y.Doc, at: string = new Date().toISOString()): void {
  const map = doc.getMap<unknown>(signalMapName);
  const revision = map.get('revision');
  doc.transact(() => {
    map.set('revision', (typeof revision === 'number' ? revision : 0) + 1);
    map.set('changedAt', at);
  });
}

/** Reads the signal. */
export function readNetworkSignal(doc: Y.Doc): NetworkSignalState {
  const map = doc.getMap<unknown>(signalMapName);
  const revision = map.get('revision');
  const changedAt = map.get('changedAt');
  return {
    revision: typeof revision === 'number' ? revision : 0,
    changedAt: typeof changedAt === 'string' ? changedAt : null,
  };
}
