import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Health, Readiness } from '../shared/schemas/health.ts';
import type { CollabMetrics } from './metrics.ts';
import type { Logger } from './logger.ts';
import { secureHeaders } from 'hono/secure-headers';
import { HttpError, RateLimitedError, errorResponse } from './http/errors.ts';
import type { Route } from './routes/defineRoute.ts';
import { registerRoutes, type RouteDeps } from './routes/registerRoutes.ts';
import { buildOpenApi } from './routes/openApi.ts';

export interface AppDeps {
  metrics: CollabMetrics;
  logger: Logger;
  /** Whether storage is open; `/healthz` answers 503 until it is. */
  isReady: () => boolean;
  /** What keeps this instance from taking traffic now (empty: ready); `/readyz` reports it. */
  readinessProblems: () => Promise<string[]>;
  /** Which database the store runs on, as `/healthz` reports it. */
  storeKind: Health['store'];
  /** Directory of the built client to serve, or null to serve no client. */
  clientDir: string | null;
  /** The API route table (see routes/apiRoutes.ts) and what checking access needs. */
  routes: readonly Route[];
  routeDeps: RouteDeps;
}

/** Builds the HTTP application. No side effects: nothing listens until the entry file binds it. */
export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        imgSrc: ["'self'", 'data:', 'blob:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.onError((error, c) => {
    if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
    if (error instanceof HttpError) {
      return errorResponse(c, error.status, error.code, error.message, error.issues, error.current);
    }
    deps.logger.error('request failed', { method: c.req.method, path: c.req.path, error });
    return errorResponse(c, 500, 'internal', 'Something went wrong on the server. Please try again.');
  });

  app.get('/healthz', (c) => {
    if (!deps.isReady()) return errorResponse(c, 503, 'starting', 'Storage is not open yet');
    const body: Health = { status: 'ok', store: deps.storeKind };
    return c.json(body);
  });

  app.get('/readyz', async (c) => {
    const problems = await deps.readinessProblems();
    const [first, ...rest] = problems;
    const body: Readiness =
      first === undefined ? { status: 'ready' } : { status: 'not ready', problems: [first, ...rest] };
    c.header('Cache-Control', 'no-store');
    return c.json(body, first === undefined ? 200 : 503);
  });

  app.get('/metrics', async (c) => {
    c.header('Content-Type', deps.metrics.registry.contentType);
    return c.body(await deps.metrics.registry.metrics());
  });

  registerRoutes(app, deps.routes, deps.routeDeps);
  const openApi = buildOpenApi(deps.routes);
  app.get('/api/openapi.json', (c) => c.json(openApi));

  app.all('/api/*', (c) => errorResponse(c, 404, 'not_found', `No such endpoint: ${c.req.method} ${c.req.path}`));

  if (deps.clientDir && fs.existsSync(path.join(deps.clientDir, 'index.html'))) {
    const root = path.relative(process.cwd(), deps.clientDir) || '.';
    const indexHtml = fs.readFileSync(path.join(deps.clientDir, 'index.html'), 'utf8');
    app.use('/assets/*', async (c, next) => {
      await next();
      // Asset file names carry a content hash, so they never change.
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root }));
    // Client-side routes: every other GET gets the app shell.
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(indexHtml);
    });
  }

  app.notFound((c) => errorResponse(c, 404, 'not_found', 'Not found'));
  return app;
}
