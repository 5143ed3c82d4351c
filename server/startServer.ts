import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import { CloseCode } from '../shared/protocol/closeCodes.ts';
import { ballotsDocName, commentsDocName, networkDocName, workspaceDocName } from '../shared/protocol/docNames.ts';
import type { ServerConfig } from './config.ts';
import { createApp } from './app.ts';
import { createMetrics } from './metrics.ts';
import type { Logger } from './logger.ts';
import { openStore, storeLocation } from './store/openStore.ts';
import type { Store } from './store/Store.ts';
import { RoomManager } from './collab/RoomManager.ts';
import { CollabServer } from './collab/CollabServer.ts';
import { ClusterBus } from './cluster/ClusterBus.ts';
import { ClusterRooms } from './cluster/ClusterRooms.ts';
import { RedisLease } from './cluster/RedisLease.ts';
import { redisLimiterFactory } from './cluster/RedisWindowLimiter.ts';
import { seedingLockKey } from './store/migrations.ts';
import type { ControlMessage, WithoutFrom } from './cluster/clusterMessages.ts';
import type { ResolveAccess } from './collab/access.ts';
import { createSessionAccess } from './collab/sessionAccess.ts';
import { createServices, type Services } from './createServices.ts';
import { createMail, type MailSystem } from './mail/createMail.ts';
import { apiRoutes } from './routes/apiRoutes.ts';
import type { FirstRunOutcome } from './accounts/FirstRun.ts';
import { initialiseWorkspace } from './workspace/initialiseWorkspace.ts';
import { mirrorPartnershipName } from './workspace/nameMirror.ts';
import { CollabConnection } from './collab/CollabConnection.ts';
import type { NetworkSignal } from './networks/networkSignal.ts';
import { watchMemberWorkspaces } from './networks/workspaceWatch.ts';
import { roomWorkspaceDocs } from './workspace/workspaceDocAccess.ts';
import { demoPartnershipId, giveDemoToAdmin, seedDemoPartnership } from './workspace/seedDemo.ts';
import { seedDemoNetwork } from './networks/seedDemoNetwork.ts';

/** A running server: where it listens, its parts (for tests), and how to stop it. */
export interface RunningServer {
  url: string;
  port: number;
  rooms: RoomManager;
  collab: CollabServer;
  services: Services;
  store: Store;
  firstRun: FirstRunOutcome;
  /** This instance's line to the others (cluster mode, `REDIS_URL`), or null on a single instance. */
  cluster: ClusterBus | null;
  /** Email: the outbox, its sender and the notifications. */
  mail: MailSystem;
  /** Flushes, closes sockets with 1012, stores and unloads every document, then closes the database. */
  close(): Promise<void>;
}

export interface StartOptions {
  config: ServerConfig;
  logger: Logger;
  /** Replaces session-based socket access (protocol tests use the development default). */
  resolveAccess?: ResolveAccess;
}

/** Opens storage, builds the services, the app and the collaboration server, and listens. */
export async function startServer({ config, logger, resolveAccess }: StartOptions): Promise<RunningServer> {
  const metrics = createMetrics();
  const store = await openStore({
    location: storeLocation(config),
    session: config.session,
    poolSize: config.databasePoolSize,
    observer: {
      query: (seconds) => metrics.dbQuerySeconds.observe(seconds),
      transaction: (seconds) => metrics.dbTransactionSeconds.observe(seconds),
    },
  });
  let storeOpen = true;
  let draining = false;
  // Only connections whose access allows it rename; the server's own changes (imports, copies) always may.
  const nameMirror = mirrorPartnershipName(
    store.partnerships,
    logger,
    (origin) => !(origin instanceof CollabConnection) || (origin.access.canRename ?? origin.access.canWrite),
  );
  // The networks' signal exists once the services do; rooms load only after that, so it is there when needed.
  let networkSignal: NetworkSignal | null = null;
  const memberWorkspaces = watchMemberWorkspaces(store.networks, () => networkSignal, logger);
  const bus = config.redisUrl
    ? new ClusterBus({
        redisUrl: config.redisUrl,
        prefix: config.redisPrefix,
        heartbeatMs: config.limits.heartbeatMs,
        logger,
        metrics,
      })
    : null;
  const clusterRooms = bus ? new ClusterRooms(bus, { catchUpMs: config.catchUpMs, logger }) : undefined;
  const rooms = new RoomManager({
    cluster: clusterRooms,
    store: store.docs,
    limits: config.limits,
    metrics,
    logger,
    onRoomLoaded: (name, doc) => {
      nameMirror.onRoomLoaded(name, doc);
      memberWorkspaces.onRoomLoaded(name, doc);
    },
    // Attribution for "what changed"; losing a record only makes a change's author unknown, so it never fails a room.
    loadAuthors: (name) => store.docAuthors.authorsOf(name),
    recordAuthors: (name, clientIds, userId) => {
      for (const clientId of clientIds) {
        store.docAuthors.record(name, clientId, userId).catch((error: unknown) => {
          logger.warn('could not record a document author', { doc: name, error: String(error) });
        });
      }
    },
  });
  clusterRooms?.attach(rooms);
  // Access changes close sockets here at once, and on every other instance through the cluster channel.
  const closeSockets = (message: WithoutFrom<ControlMessage>): number => {
    if (message.type === 'close-user') {
      const { userId, sessionIdHashes, tokenId } = message;
      return collab.closeWhere(
        (_doc, connection: CollabConnection) =>
          connection.access.user.id === userId &&
          (!sessionIdHashes || sessionIdHashes.includes(connection.access.sessionIdHash ?? '')) &&
          (!tokenId || connection.access.tokenId === tokenId),
        CloseCode.Unauthorized,
        'signed out',
      );
    }
    if (message.type === 'close-member') {
      const { partnershipId, userId } = message;
      return collab.closeWhere(
        (_doc, connection: CollabConnection) =>
          connection.access.partnershipId === partnershipId && connection.access.user.id === userId,
        CloseCode.Forbidden,
        'your access to this partnership changed',
      );
    }
    return 0;
  };
  bus?.onControl((message) => closeSockets(message));
  const closeEverywhere = (message: WithoutFrom<ControlMessage>): number => {
    bus?.publishControl(message);
    return closeSockets(message);
  };
  // Links in emails point at PUBLIC_URL, else at where this server listens (known once it does).
  let listeningUrl = 'http://localhost';
  const mail = createMail({
    store,
    smtpUrl: config.smtpUrl,
    mailFrom: config.mailFrom,
    publicUrl: () => config.publicUrl ?? listeningUrl,
    logger,
  });
  const workspaceDocs = roomWorkspaceDocs((name, change) => rooms.transact(name, change), workspaceDocName);
  const services = createServices(store, {
    notify: mail.notifier,
    mail,
    closeUserSockets: ({ userId, sessionIdHashes, tokenId }) =>
      closeEverywhere({
        type: 'close-user',
        userId,
        sessionIdHashes: sessionIdHashes ? [...sessionIdHashes] : null,
        tokenId: tokenId ?? null,
      }),
    closeMemberSockets: (partnershipId, userId) => closeEverywhere({ type: 'close-member', partnershipId, userId }),
    initialiseWorkspace: (partnershipId, template, name) =>
      rooms.transact(workspaceDocName(partnershipId), (doc) => initialiseWorkspace(doc, template, name)),
    onAdminCreated: (user) => giveDemoToAdmin(store, user.id),
    writeBallotsDoc: (partnershipId, change) => rooms.transact(ballotsDocName(partnershipId), change),
    writeNetworkDoc: (networkId, change) => rooms.transact(networkDocName(networkId), change),
    readWorkspaceDoc: async (partnershipId, read) => {
      const name = workspaceDocName(partnershipId);
      const room = await rooms.acquire(name);
      try {
        return read(room.doc);
      } finally {
        rooms.release(name);
      }
    },
    writeCommentsDoc: (partnershipId, change) => rooms.transact(commentsDocName(partnershipId), change),
    workspaceDocs,
    commentsPerMinute: config.commentsPerMinute,
    logger,
    // Cluster mode: sign-in throttles and comment limits counted in Redis, and round closings claimed by one instance.
    ...(bus
      ? {
          limiters: redisLimiterFactory(bus.redis, bus.prefix, { logger }),
          lease: new RedisLease(bus.redis, bus.prefix, { instanceId: bus.instanceId }),
        }
      : {}),
  });

  networkSignal = services.networks.signal;

  const collab = new CollabServer({
    rooms,
    resolveAccess:
      resolveAccess ??
      createSessionAccess({
        authenticator: services.authenticator,
        partnerships: store.partnerships,
        networks: store.networks,
        publicOrigins: config.publicOrigins,
      }),
    limits: config.limits,
    metrics,
    logger,
  });

  // Instances starting together on one database take turns, so the demo and the first administrator are made once.
  const firstRun = await store.withAdvisoryLock(seedingLockKey, async () => {
    if (config.seedDemo && (await seedDemoPartnership(store, services.partnershipService, null))) {
      const demo = await store.partnerships.findById(demoPartnershipId);
      if (demo) await services.evidence.observations.seedSamples(demo);
      await seedDemoNetwork(store, services.partnershipService, workspaceDocs);
    }
    return services.firstRun.prepare(config.admin);
  });
  await services.prioritisation.start();
  const sessionSweep = setInterval(
    () => {
      store.sessions.purgeExpired().catch((error: unknown) => logger.error('could not purge sessions', { error }));
    },
    60 * 60 * 1000,
  );
  sessionSweep.unref();

  const app = createApp({
    metrics,
    logger,
    isReady: () => storeOpen,
    readinessProblems: async () => {
      if (draining || !storeOpen) return ['draining: this instance is shutting down'];
      const problems: string[] = [];
      const storeProblem = await pingWithin(store, readinessTimeoutMs);
      if (storeProblem) problems.push(`${store.kind}: ${storeProblem}`);
      if (bus?.problem) problems.push(bus.problem);
      return problems;
    },
    storeKind: store.kind,
    clientDir: config.clientDir,
    routes: apiRoutes(services, config.publicUrl),
    routeDeps: {
      authenticator: services.authenticator,
      partnerships: store.partnerships,
      publicOrigins: config.publicOrigins,
      trustedProxyHops: config.trustedProxyHops,
    },
  });

  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  server.on('upgrade', collab.handleUpgrade);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  const url = `http://${host}:${port}`;
  listeningUrl = url;
  mail.start();

  if (firstRun.kind === 'setup-link') {
    logger.info(
      `No accounts yet. Create the first administrator at ${config.publicUrl ?? url}/setup/${firstRun.token}`,
    );
  } else if (firstRun.kind === 'admin-created') {
    logger.info('Created the first administrator from ADMIN_EMAIL', { email: firstRun.user.email });
  }

  let closing: Promise<void> | null = null;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      draining = true;
      clearInterval(sessionSweep);
      clusterRooms?.close();
      await services.prioritisation.stop();
      await mail.stop();
      collab.close();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await rooms.unloadAll();
      await nameMirror.settled();
      await bus?.close();
      storeOpen = false;
      await store.close();
      await stopped;
    })();
    return closing;
  };

  return { url, port, rooms, collab, services, store, firstRun, cluster: bus, mail, close };
}

/** How long `/readyz` waits for the database before calling it unreachable. */
const readinessTimeoutMs = 1_500;

/** Null when the database answers within `ms`, else why not. */
async function pingWithin(store: Store, ms: number): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      store.ping(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
  }
}
