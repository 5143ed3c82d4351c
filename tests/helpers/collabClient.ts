import { onTestFinished } from 'vitest';
import * as Y from 'yjs';
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';

export interface TestClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  destroy(): void;
}

/** A WebSocket class for y-websocket that sends `headers` (a session cookie), as a browser would by itself. */
export function webSocketWithHeaders(headers: Record<string, string>): typeof globalThis.WebSocket {
  class WebSocketWithHeaders extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  return WebSocketWithHeaders as unknown as typeof globalThis.WebSocket;
}

/**
 * A stock y-websocket client in Node. `disableBc` is essential: Node has a global BroadcastChannel, and without
 * it clients in one process would sync through it instead of through the server, proving nothing.
 */
export function connectClient(
  wsUrl: string,
  docName: string,
  params: Record<string, string> = {},
  headers: Record<string, string> = {},
): TestClient {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(wsUrl, docName, doc, {
    WebSocketPolyfill: webSocketWithHeaders(headers),
    disableBc: true,
    params,
  });
  let destroyed = false;
  const destroy = (): void => {
    if (destroyed) return;
    destroyed = true;
    provider.destroy();
    doc.destroy();
  };
  onTestFinished(destroy);
  return { doc, provider, destroy };
}

/** Resolves once the client has completed its first sync with the server. */
export function whenSynced(client: TestClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve();
  return new Promise((resolve) => {
    const handle = (synced: boolean): void => {
      if (!synced) return;
      client.provider.off('sync', handle);
      resolve();
    };
    client.provider.on('sync', handle);
  });
}

/** A raw WebSocket for sending hand-made frames; resolves when open. Closed when the test finishes. */
export async function openRawSocket(
  url: string,
  headers: Record<string, string> = {},
): Promise<{ socket: WebSocket; closed: Promise<{ code: number; reason: string }> }> {
  const socket = new WebSocket(url, { headers });
  onTestFinished(() => socket.terminate());
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return { socket, closed };
}
