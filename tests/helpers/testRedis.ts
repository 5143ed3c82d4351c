import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the cluster suites use: the machine's shared one unless `TEST_REDIS_URL` says otherwise. */
export const testRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

const inCi = process.env.CI === 'true' || process.env.CI === '1';

/**
 * Whether Redis answers. Off CI a missing Redis skips the suites that need it (they say so); in CI it fails them,
 * because a pass that silently did not run proves nothing.
 */
export async function redisReachable(): Promise<boolean> {
  const redis = new Redis(testRedisUrl, { lazyConnect: true, connectTimeout: 1_000, maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  try {
    await redis.connect();
    await redis.ping();
    return true;
  } catch (error) {
    if (inCi) throw new Error(`Redis at ${testRedisUrl} is not reachable in CI`, { cause: error });
    console.warn(
      `SKIPPED the suites that need Redis: ${testRedisUrl} is not reachable. Start Redis and run them again.`,
    );
    return false;
  } finally {
    redis.disconnect();
  }
}

/** A key prefix of this test's own, so runs sharing the machine's Redis never hear each other. */
export function testRedisPrefix(): string {
  return `cgtest:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under `prefix` (SCAN, never FLUSH: the Redis is shared). */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(testRedisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}
