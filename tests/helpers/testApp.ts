import type { Hono } from 'hono';
import { createApp } from '../../server/app.ts';
import { createServices, type Services } from '../../server/createServices.ts';
import { silentLogger } from '../../server/logger.ts';
import { createMetrics } from '../../server/metrics.ts';
import { apiRoutes } from '../../server/routes/apiRoutes.ts';
import type { Route } from '../../server/routes/defineRoute.ts';
import type { Store } from '../../server/store/Store.ts';
import { openStore } from '../../server/store/openStore.ts';
import { memoryWorkspaceDocs } from '../../server/workspace/workspaceDocAccess.ts';
import { openTestStore, testSessionPolicy } from './testStore.ts';

export interface TestApp {
  app: Hono;
  /** The test's own store (SQLite in memory, or a PostgreSQL schema), for fixtures and for inspecting raw rows. */
  store: Store;
  services: Services;
  /** The workspace docs the services read and change, in memory (no collaboration server). */
  docs: ReturnType<typeof memoryWorkspaceDocs>;
  routes: Route[];
  /** Sockets the services asked to close, for assertions. */
  closedSockets: { userId: string; partnershipId?: string }[];
}

/**
 * The HTTP app over a fresh store, with no socket: for route tests through `app.request()`. Outside a test (to read
 * the route table once per file) pass `closeAfterTest: false`: the store is then SQLite in memory, closed by the caller.
 */
export async function buildTestApp({ closeAfterTest = true } = {}): Promise<TestApp> {
  const store = closeAfterTest
    ? await openTestStore()
    : await openStore({ location: { kind: 'sqlite', dataDir: ':memory:' }, session: testSessionPolicy });
  const closedSockets: TestApp['closedSockets'] = [];
  const docs = memoryWorkspaceDocs();
  const services = createServices(store, {
    workspaceDocs: docs,
    closeUserSockets: ({ userId }) => void closedSockets.push({ userId }),
    closeMemberSockets: (partnershipId, userId) => void closedSockets.push({ userId, partnershipId }),
    initialiseWorkspace: () => Promise.resolve(),
    onAdminCreated: () => Promise.resolve(),
  });
  const routes = apiRoutes(services, null);
  const app = createApp({
    metrics: createMetrics(),
    logger: silentLogger,
    isReady: () => true,
    readinessProblems: () => Promise.resolve([]),
    storeKind: store.kind,
    clientDir: null,
    routes,
    routeDeps: {
      authenticator: services.authenticator,
      partnerships: store.partnerships,
      publicOrigins: [],
      trustedProxyHops: 0,
    },
  });
  return { app, store, services, docs, routes, closedSockets };
}
