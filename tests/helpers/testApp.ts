import type { Database } from 'better-sqlite3';
import type { Hono } from 'hono';
import { onTestFinished } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createRepositories, createServices, type Services } from '../../server/createServices.ts';
import { silentLogger } from '../../server/logger.ts';
import { createMetrics } from '../../server/metrics.ts';
import { apiRoutes } from '../../server/routes/apiRoutes.ts';
import type { Route } from '../../server/routes/defineRoute.ts';
import { openDatabase } from '../../server/store/database.ts';
import { migrate } from '../../server/store/migrations.ts';

export interface TestApp {
  app: Hono;
  /** The in-memory database, for fixtures a route cannot make (fixed ids) and for inspecting what was stored. */
  db: Database;
  services: Services;
  routes: Route[];
  /** Sockets the services asked to close, for assertions. */
  closedSockets: { userId: string; partnershipId?: string }[];
}

/** The HTTP app over an in-memory database, with no socket: for route tests through `app.request()`. */
export function buildTestApp({ closeAfterTest = true } = {}): TestApp {
  const db = openDatabase(':memory:');
  migrate(db);
  if (closeAfterTest) {
    onTestFinished(() => {
      db.close();
    });
  }
  const closedSockets: TestApp['closedSockets'] = [];
  const repositories = createRepositories(db, { idleMs: 60 * 60_000, absoluteMs: 24 * 60 * 60_000 });
  const services = createServices(db, repositories, {
    closeUserSockets: ({ userId }) => void closedSockets.push({ userId }),
    closeMemberSockets: (partnershipId, userId) => void closedSockets.push({ userId, partnershipId }),
    initialiseWorkspace: () => Promise.resolve(),
    onAdminCreated: () => {},
  });
  const routes = apiRoutes(services, null);
  const app = createApp({
    metrics: createMetrics(),
    logger: silentLogger,
    isReady: () => db.open,
    clientDir: null,
    routes,
    routeDeps: {
      authenticator: repositories.authenticator,
      partnerships: repositories.partnerships,
      publicOrigins: [],
      trustedProxyHops: 0,
    },
  });
  return { app, db, services, routes, closedSockets };
}
