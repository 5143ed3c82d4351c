import { WebSocket } from 'ws';
import type { CollabAccess } from './access.ts';
import { RateLimiter } from './RateLimiter.ts';
import type { Limits } from '../../shared/protocol/limits.ts';

/** A client that stops reading gets dropped once this much is queued for it, so it cannot exhaust memory. */
const maxBufferedBytes = 64 * 1024 * 1024;

/** One WebSocket connected to one document, with the access decided when it connected. */
export class CollabConnection {
  readonly socket: WebSocket;
  readonly access: CollabAccess;
  /** Awareness client ids this connection has published; removed from the room when it leaves. */
  readonly awarenessIds = new Set<number>();
  /** Cleared at each heartbeat ping, set by the pong; still clear at the next ping means the peer is gone. */
  alive = true;
  readonly #limiter: RateLimiter;

  constructor(socket: WebSocket, access: CollabAccess, limits: Limits) {
    this.socket = socket;
    this.access = access;
    this.#limiter = new RateLimiter(limits.messagesPerSecond, limits.messagesPerSecond * limits.burstSeconds);
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  /** Sends one binary message; drops a peer that has stopped reading. */
  send(message: Uint8Array): void {
    if (!this.isOpen) return;
    if (this.socket.bufferedAmount > maxBufferedBytes) {
      this.socket.terminate();
      return;
    }
    this.socket.send(message, { binary: true });
  }

  /** Closes with a protocol close code and a short reason the client can show. */
  close(code: number, reason: string): void {
    if (this.socket.readyState === WebSocket.CLOSED || this.socket.readyState === WebSocket.CLOSING) return;
    this.socket.close(code, reason.slice(0, 120));
  }

  /** Counts one incoming message against the rate limit; false means the limit is exceeded. */
  takeMessageToken(): boolean {
    return this.#limiter.take();
  }
}
