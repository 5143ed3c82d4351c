import { Server, type Extension } from '@hocuspocus/server';
import { Redis } from '@hocuspocus/extension-redis';
import { announceReady, readLauncherEnv } from './launcherEnv.ts';

// Anchor for several instances: @hocuspocus/server with its defaults and the official Redis extension, which relays
// every change and presence update through Redis pub/sub to the other instances holding the document (and takes a
// Redis lock around each debounced store). Nothing is persisted: there is no database extension, as in the
// single-instance in-memory anchor. BENCH_REDIS_URL and BENCH_REDIS_PREFIX come from bench/cluster/instances.ts.
const env = readLauncherEnv(process.env);
const redisUrl = new URL(process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379');
const prefix = process.env.BENCH_REDIS_PREFIX;
if (!prefix) throw new Error('hocuspocusRedisServer needs BENCH_REDIS_PREFIX (a prefix of its own per run)');
// extension-redis 3.4.4 depends on @hocuspocus/server ^3.4.4, so npm nests a 3.4.4 copy for it; it takes the message
// classes (IncomingMessage, OutgoingMessage, MessageReceiver) from there, identical in 3.4.3 and 3.4.4. The cast
// bridges the two copies' Extension types, not a difference in shape.
const redis = new Redis({
  host: redisUrl.hostname,
  port: Number(redisUrl.port || 6379),
  // Keys and channels are `<prefix>:<document>`; under the run's prefix, so the bench's clean-up removes them.
  prefix: `${prefix}hocuspocus`,
}) as unknown as Extension;
const server = new Server({
  port: env.port,
  address: '127.0.0.1',
  quiet: true,
  extensions: [redis],
});
await server.listen();
announceReady(server.address.port);
