import { Redis } from 'ioredis';
import { onTestFinished } from 'vitest';
import { deleteRedisPrefix, redisReachable, testRedisPrefix, testRedisUrl } from '../../helpers/testRedis.ts';

export { testRedisPrefix };

/**
 * Null when the test Redis answers; otherwise why these tests are skipped, said on the console. In CI a missing
 * Redis throws, so the file fails (see `redisReachable`). Call at the top of a file and pass to `describe.skipIf`.
 */
export async function redisUnavailable(suite: string): Promise<string | null> {
  if (await redisReachable()) return null;
  const reason = `${suite}: SKIPPED, Redis at ${testRedisUrl} is not reachable`;
  console.warn(reason);
  return reason;
}

/**
 * A connection to the test Redis (one per simulated instance), closed when the test finishes, after every key under
 * `prefix` is deleted (and nothing else: the machine's Redis is shared, never flushed).
 */
export function openTestRedis(prefix: string): Redis {
  if (!/^cgtest:[0-9a-f]{12}:$/.test(prefix)) throw new Error(`not a prefix from testRedisPrefix(): ${prefix}`);
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  onTestFinished(async () => {
    await deleteRedisPrefix(prefix);
    await redis.quit();
  });
  return redis;
}

/** A client for a Redis that is not there (a port nothing listens on): every command waits, then fails. */
export function unreachableRedis(): Redis {
  const redis = new Redis({ host: '127.0.0.1', port: 1, lazyConnect: true, retryStrategy: () => 50 });
  redis.on('error', () => {});
  onTestFinished(() => redis.disconnect());
  return redis;
}
