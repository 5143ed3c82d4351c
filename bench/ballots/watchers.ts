import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import { readRoundProjection, readRoundVersion } from '../../shared/model/prioritisation/projection.ts';
import type { RoundResults } from '../../shared/schemas/roundResults.ts';
import { ballotsDocName } from '../../shared/protocol/docNames.ts';

/** A stock y-websocket client on the ballots projection, noting when each round version first reached it. */
export interface ProjectionWatcher {
  /** performance.now() at which this client first held a version at least `version`; undefined if not yet. */
  reachedAt(version: number): number | undefined;
  latest(): number;
  /** The tally this client holds now. */
  results(): RoundResults | null;
  destroy(): void;
}

/** Connects a watcher with someone's session cookie and resolves once it has synced. */
export async function watchProjection(
  wsUrl: string,
  partnershipId: string,
  roundId: string,
  cookie: string,
): Promise<ProjectionWatcher> {
  const doc = new Y.Doc();
  class WebSocketWithCookie extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { cookie } });
    }
  }
  const provider = new WebsocketProvider(wsUrl, ballotsDocName(partnershipId), doc, {
    WebSocketPolyfill: WebSocketWithCookie as unknown as typeof globalThis.WebSocket,
    // Node has a BroadcastChannel: without this, clients in one process would sync with each other, not the server.
    disableBc: true,
  });
  // Versions arrive coalesced (a burst of ballots is one projection write), so each arrival covers every version
  // up to it: `arrivals` keeps (version, time) pairs in increasing version order.
  const arrivals: { version: number; at: number }[] = [];
  let latest = 0;
  doc.on('update', () => {
    const now = performance.now();
    const version = readRoundVersion(doc, roundId)?.version ?? 0;
    if (version > latest) {
      latest = version;
      arrivals.push({ version, at: now });
    }
  });
  await new Promise<void>((resolve) => {
    if (provider.synced) return resolve();
    provider.once('sync', () => resolve());
  });
  return {
    reachedAt: (version) => arrivals.find((arrival) => arrival.version >= version)?.at,
    latest: () => latest,
    results: () => readRoundProjection(doc, roundId)?.results ?? null,
    destroy: () => {
      provider.destroy();
      doc.destroy();
    },
  };
}
