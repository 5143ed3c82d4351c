import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { isEditorVersionAccepted, editorSchemaVersionParam } from '../../shared/editor/version.ts';
import { CloseCode } from '../../shared/protocol/closeCodes.ts';
import type { Limits } from '../../shared/protocol/limits.ts';
import type { CollabMetrics } from '../metrics.ts';
import type { Logger } from '../logger.ts';
import type { ResolveAccess } from './access.ts';
import { CollabConnection } from './CollabConnection.ts';
import type { Room } from './Room.ts';
import type { RoomManager } from './RoomManager.ts';

const collabPath = /^\/collab\/([^/?#]+)$/;
/** Messages a client may send before its access is decided and its room loaded. */
const maxEarlyMessages = 1_000;

export interface CollabServerDeps {
  rooms: RoomManager;
  resolveAccess: ResolveAccess;
  limits: Limits;
  metrics: CollabMetrics;
  logger: Logger;
}

/**
 * The WebSocket side of the server: upgrades `/collab/:docName`, decides access, joins the room, relays
 * messages, runs the heartbeat, and closes everything cleanly at shutdown.
 */
export class CollabServer {
  readonly #deps: CollabServerDeps;
  readonly #wss: WebSocketServer;
  readonly #connections = new Map<CollabConnection, string>();
  readonly #heartbeat: NodeJS.Timeout;
  #closing = false;

  constructor(deps: CollabServerDeps) {
    this.#deps = deps;
    // ws rejects an oversized frame from its header, before buffering it; see #handleConnection for the code.
    this.#wss = new WebSocketServer({
      noServer: true,
      maxPayload: deps.limits.maxMessageBytes,
      perMessageDeflate: false,
    });
    this.#heartbeat = setInterval(() => this.#beat(), deps.limits.heartbeatMs);
    this.#heartbeat.unref();
  }

  /** The handler for the HTTP server's `upgrade` event. */
  readonly handleUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const path = (request.url ?? '').split('?')[0] ?? '';
    const match = collabPath.exec(path);
    if (!match || this.#closing) {
      socket.end(
        `HTTP/1.1 ${this.#closing ? '503 Service Unavailable' : '404 Not Found'}\r\nConnection: close\r\n\r\n`,
      );
      return;
    }
    let docName: string;
    try {
      docName = decodeURIComponent(match[1]!);
    } catch {
      socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
      return;
    }
    socket.on('error', () => socket.destroy());
    // Upgrade first and refuse with a close code, because browsers cannot read an HTTP status of a failed upgrade.
    this.#wss.handleUpgrade(request, socket, head, (ws) => this.#handleConnection(ws, request, docName));
  };

  /** Closes every socket of one document whose user matches, e.g. after a role change or removal. */
  closeWhere(
    predicate: (docName: string, connection: CollabConnection) => boolean,
    code: number,
    reason: string,
  ): number {
    let closed = 0;
    for (const [connection, docName] of this.#connections) {
      if (predicate(docName, connection)) {
        connection.close(code, reason);
        closed++;
      }
    }
    return closed;
  }

  /** Number of open collaboration sockets. */
  get connectionCount(): number {
    return this.#connections.size;
  }

  /** Stops accepting, closes every socket with 1012 so clients reconnect elsewhere or later. */
  close(): void {
    this.#closing = true;
    clearInterval(this.#heartbeat);
    for (const connection of this.#connections.keys()) {
      connection.close(CloseCode.ServerRestarting, 'server restarting');
    }
    this.#wss.close();
  }

  #handleConnection(ws: WebSocket, request: IncomingMessage, docName: string): void {
    const { rooms, metrics, logger } = this.#deps;
    // Messages that arrive while access is checked and the room loads are queued, then handled in order.
    const early: Uint8Array[] = [];
    let onMessage = (data: Uint8Array): void => {
      if (early.push(data) > maxEarlyMessages) ws.close(CloseCode.RateLimited, 'too many messages');
    };
    let onClose = (): void => {};
    let closed = false;

    // ws reports an oversized frame as 1009; the protocol promises 4413.
    const originalClose = ws.close.bind(ws);
    ws.close = (code?: number, reason?: string | Buffer) =>
      originalClose(code === 1009 ? CloseCode.TooLarge : code, code === 1009 ? 'message too large' : reason);
    ws.on('error', (error) => logger.warn('collab socket error', { docName, error: error.message }));
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        ws.close(CloseCode.Malformed, 'binary frames only');
        return;
      }
      onMessage(toUint8Array(data));
    });
    ws.on('close', (code: number) => {
      closed = true;
      metrics.socketsClosed.inc({ code: String(code) });
      onClose();
    });

    void (async () => {
      // Checked before access, whoever is connecting: an outdated editor would rewrite content it cannot read.
      const announced = new URL(request.url ?? '/', 'http://localhost').searchParams.get(editorSchemaVersionParam);
      if (!isEditorVersionAccepted(announced)) {
        ws.close(CloseCode.UpgradeRequired, 'this version of Common Ground is out of date: reload the page');
        return;
      }
      const decision = await this.#deps.resolveAccess(request, docName);
      if (closed) return;
      if (!decision.allowed) {
        ws.close(decision.code, decision.reason);
        return;
      }
      const connection = new CollabConnection(ws, decision.access, this.#deps.limits);
      let room: Room;
      try {
        room = await rooms.acquire(docName);
      } catch (error) {
        logger.error('loading a document failed', { docName, error });
        ws.close(CloseCode.InternalError, 'could not load the document');
        return;
      }
      if (closed || this.#closing) {
        rooms.release(docName);
        if (!closed) ws.close(CloseCode.ServerRestarting, 'server restarting');
        return;
      }
      this.#connections.set(connection, docName);
      metrics.openSockets.set(this.#connections.size);
      ws.on('pong', () => {
        connection.alive = true;
      });
      onClose = () => {
        this.#connections.delete(connection);
        metrics.openSockets.set(this.#connections.size);
        room.leave(connection);
        rooms.release(docName);
      };
      onMessage = (data) => {
        if (!connection.takeMessageToken()) {
          connection.close(CloseCode.RateLimited, 'too many messages');
          return;
        }
        room.receive(connection, data);
      };
      room.join(connection);
      for (const data of early.splice(0)) onMessage(data);
    })().catch((error: unknown) => {
      logger.error('collab connection failed', { docName, error });
      ws.close(CloseCode.InternalError, 'internal error');
    });
  }

  #beat(): void {
    for (const connection of this.#connections.keys()) {
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
    }
  }
}

// Copies into a buffer of exactly the frame's size. A view into ws's pooled buffer would let a length prefix
// that overstates the payload read a neighbouring frame's bytes instead of failing as malformed.
function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data);
}
