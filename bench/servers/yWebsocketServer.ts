import http from 'node:http';
import { createRequire } from 'node:module';
import type { WebSocket, WebSocketServer } from 'ws';
import { setupWSConnection } from '@y/websocket-server/utils';
import { announceReady, readLauncherEnv } from './launcherEnv.ts';

// Anchor: the reference y-websocket server, wired exactly like the package's own bin (src/server.js) and with the
// `ws` release the package itself resolves, so the anchor is the stock stack. In-memory only (no YPERSISTENCE).
const packageRequire = createRequire(import.meta.resolve('@y/websocket-server/utils'));
/** The part of the `ws` module (6.x, CommonJS) this launcher uses; the same shape as in ws 8. */
interface WsModule {
  Server: new (options: { noServer: true }) => WebSocketServer;
}
const ws = packageRequire('ws') as WsModule;

const env = readLauncherEnv(process.env);
const wss = new ws.Server({ noServer: true });
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'Content-Type': 'text/plain' });
  response.end('okay');
});
wss.on('connection', setupWSConnection);
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (connection: WebSocket) => wss.emit('connection', connection, request));
});
server.listen(env.port, '127.0.0.1', () => announceReady(env.port));
// In memory only: nothing to flush, so a stop request ends the process at once.
process.on('SIGTERM', () => process.exit(0));
