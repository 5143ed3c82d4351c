// A small round-robin load balancer for trying several instances on one machine (`npm run start:cluster`), built on
// http-proxy-3: HTTP requests and WebSocket upgrades go to the next instance whose `/readyz` answers 200. In
// production use your platform's load balancer or nginx (deploy/nginx.conf); this is the same recipe in miniature.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { createProxyServer } from 'http-proxy-3';

export interface Target {
  /** `http://127.0.0.1:3001` */
  url: string;
  healthy: boolean;
  /** Why it is not healthy, for the log. */
  problem: string | null;
}

export interface LoadBalancerOptions {
  port: number;
  host?: string;
  targets: readonly string[];
  /** How often each target's `/readyz` is asked (milliseconds). */
  healthIntervalMs?: number;
  log?: (message: string) => void;
}

export interface LoadBalancer {
  url: string;
  port: number;
  targets: readonly Target[];
  /** Asks every target's `/readyz` now. */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

const connectErrors = new Set(['ECONNREFUSED', 'ECONNRESET', 'EHOSTUNREACH', 'ETIMEDOUT']);

/** Starts the balancer; the first health check has run when this resolves. */
export async function startLoadBalancer(options: LoadBalancerOptions): Promise<LoadBalancer> {
  const log = options.log ?? ((message: string) => console.log(message));
  const targets: Target[] = options.targets.map((url) => ({ url, healthy: false, problem: 'not checked yet' }));
  let next = 0;

  const mark = (target: Target, healthy: boolean, problem: string | null): void => {
    if (target.healthy !== healthy) log(`[lb] ${target.url} is ${healthy ? 'ready' : `out of rotation (${problem})`}`);
    target.healthy = healthy;
    target.problem = problem;
  };

  /** The next ready target after the last one used, skipping `except`. */
  const pick = (except: Target | null = null): Target | null => {
    for (let i = 0; i < targets.length; i++) {
      const target = targets[(next + i) % targets.length]!;
      if (target.healthy && target !== except) {
        next = (next + i + 1) % targets.length;
        return target;
      }
    }
    return null;
  };

  const checkHealth = async (): Promise<void> => {
    await Promise.all(
      targets.map(async (target) => {
        try {
          const response = await fetch(`${target.url}/readyz`, { signal: AbortSignal.timeout(1500) });
          const body = await response.text();
          mark(target, response.status === 200, response.status === 200 ? null : `readyz ${response.status} ${body}`);
        } catch (error) {
          const cause = (error as { cause?: { code?: string } }).cause?.code;
          mark(target, false, cause ?? (error instanceof Error ? error.message : String(error)));
        }
      }),
    );
  };

  // xfwd: X-Forwarded-For/-Proto/-Host, so instances started with TRUST_PROXY=1 see the person's address.
  // The Host header is passed unchanged (no changeOrigin): the instances check Origin against it.
  const proxy = createProxyServer({ xfwd: true, ws: true });
  // Errors on the person's side (a browser that vanished mid-request or mid-socket) arrive here rather than in
  // the per-request callbacks; without a listener http-proxy-3 would throw them and stop the balancer.
  proxy.on('error', (_error, _req, res) => {
    if (res instanceof http.ServerResponse) {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    } else {
      res.destroy();
    }
  });

  const proxyWeb = (req: http.IncomingMessage, res: http.ServerResponse, tried: Target | null): void => {
    const target = pick(tried);
    if (!target) {
      res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '2' });
      res.end(JSON.stringify({ error: { code: 'no_instance', message: 'No instance is ready; try again shortly.' } }));
      return;
    }
    proxy.web(req, res, { target: target.url }, (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (connectErrors.has(code)) mark(target, false, code);
      // Nothing reached the instance: a request without a body can safely go to another one.
      const retriable = code === 'ECONNREFUSED' && (req.method === 'GET' || req.method === 'HEAD') && !tried;
      if (retriable && !res.headersSent) return proxyWeb(req, res, target);
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: { code: 'bad_gateway', message: `instance failed: ${code || String(error)}` } }));
    });
  };

  const proxyUpgrade = (req: http.IncomingMessage, socket: Socket, head: Buffer, tried: Target | null): void => {
    const target = pick(tried);
    if (!target) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nRetry-After: 2\r\nConnection: close\r\n\r\n');
      return;
    }
    proxy.ws(req, socket, head, { target: target.url }, (error) => {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      if (connectErrors.has(code)) mark(target, false, code);
      // A refused connection never saw the handshake: hand the upgrade to another instance once.
      if (code === 'ECONNREFUSED' && !tried && !socket.destroyed) return proxyUpgrade(req, socket, head, target);
      socket.destroy();
    });
  };

  const server = http.createServer((req, res) => proxyWeb(req, res, null));
  // Upgraded sockets leave the HTTP server's bookkeeping, so closing must find them itself.
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  server.on('upgrade', (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    proxyUpgrade(req, socket, head, null);
  });

  await checkHealth();
  const timer = setInterval(() => void checkHealth(), options.healthIntervalMs ?? 2000);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    port,
    targets,
    checkHealth,
    close: async () => {
      clearInterval(timer);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      for (const socket of sockets) socket.destroy();
      proxy.close();
      await closed;
    },
  };
}
