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

/** Prefixes test runs make (`cgtest:` here and in tests/cluster, `cg-e2e-cluster-` in tests/e2e-cluster, `cgbench:`). */
const testPrefixPattern = /^(cgtest:|cg-e2e-cluster-|cgbench:)[A-Za-z0-9:_-]{4,}$/;

/**
 * Deletes every key under `prefix` (SCAN, never FLUSH: the Redis is shared) and returns how many; refuses a prefix
 * that is not one a test run made, so a mistake can never empty an installation's keys.
 */
export async function deleteRedisPrefix(prefix: string, redisUrl = testRedisUrl): Promise<number> {
  if (!testPrefixPattern.test(prefix)) throw new Error(`refusing to delete keys under ${JSON.stringify(prefix)}`);
  const redis = new Redis(redisUrl, { lazyConnect: true, connectTimeout: 5_000, maxRetriesPerRequest: 1 });
  redis.on('error', () => {});
  await redis.connect();
  let deleted = 0;
  try {
    const pattern = `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`;
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
