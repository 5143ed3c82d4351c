import { describe, expect, it } from 'vitest';
import { RedisWindowLimiter, redisLimiterFactory } from '../../../server/cluster/RedisWindowLimiter.ts';
import type { Logger } from '../../../server/logger.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { openTestRedis, redisUnavailable, testRedisPrefix, unreachableRedis } from './testRedis.ts';

const skipped = await redisUnavailable('RedisWindowLimiter (rate limits counted in Redis)');

describe.skipIf(skipped !== null)('RedisWindowLimiter', () => {
  it('refuses the event past the limit with the wait until the oldest ages out, and forgets the key after the window', async () => {
    const prefix = testRedisPrefix();
    const redis = openTestRedis(prefix);
    const limiter = new RedisWindowLimiter(redis, prefix, 'sign-in-account', 3, 10_000);
    const started = Date.now();
    for (let i = 0; i < 3; i++) expect(await limiter.take('chair@example.org')).toBe(0);
    const waitMs = await limiter.take('chair@example.org');
    const elapsed = Date.now() - started;
    expect(waitMs).toBeLessThanOrEqual(10_000);
    expect(waitMs).toBeGreaterThanOrEqual(10_000 - elapsed - 5);
    expect(await limiter.retryAfterMs('chair@example.org')).toBeGreaterThan(0);
    expect(await limiter.retryAfterMs('someone.else@example.org')).toBe(0);

    // The refused take was not counted, and the key holds only its own events, expiring with the window.
    const key = `${prefix}limit:sign-in-account:chair@example.org`;
    expect(limiter.keyOf('chair@example.org')).toBe(key);
    expect(await redis.zcard(key)).toBe(3);
    const ttl = await redis.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(10_000);
  });

  it('allows the key again once the oldest event leaves the window', async () => {
    const prefix = testRedisPrefix();
    const limiter = new RedisWindowLimiter(openTestRedis(prefix), prefix, 'comments', 2, 300);
    expect(await limiter.take('u1')).toBe(0);
    expect(await limiter.take('u1')).toBe(0);
    expect(await limiter.take('u1')).toBeGreaterThan(0);
    await waitFor(async () => expect(await limiter.take('u1')).toBe(0), { timeoutMs: 2000 });
  });

  it('records past the limit and forgets on reset, as the in-memory limiter does', async () => {
    const prefix = testRedisPrefix();
    const limiter = new RedisWindowLimiter(openTestRedis(prefix), prefix, 'sign-in-address', 2, 60_000);
    await limiter.record('10.0.0.1');
    expect(await limiter.retryAfterMs('10.0.0.1')).toBe(0);
    await limiter.record('10.0.0.1');
    expect(await limiter.retryAfterMs('10.0.0.1')).toBeGreaterThan(59_000);
    await limiter.reset('10.0.0.1');
    expect(await limiter.retryAfterMs('10.0.0.1')).toBe(0);
  });

  it('counts events of the same millisecond separately', async () => {
    const prefix = testRedisPrefix();
    const redis = openTestRedis(prefix);
    const limiter = new RedisWindowLimiter(redis, prefix, 'sign-in-address', 100, 60_000);
    await Promise.all(Array.from({ length: 20 }, () => limiter.record('10.0.0.2')));
    expect(await redis.zcard(limiter.keyOf('10.0.0.2'))).toBe(20);
  });

  it('shares one count between instances, and keeps the limiters of different names apart', async () => {
    const prefix = testRedisPrefix();
    const instanceA = redisLimiterFactory(openTestRedis(prefix), prefix);
    const instanceB = redisLimiterFactory(openTestRedis(prefix), prefix);
    const onA = instanceA('comments', 3, 60_000);
    const onB = instanceB('comments', 3, 60_000);
    expect(await onA.take('u1')).toBe(0);
    expect(await onB.take('u1')).toBe(0);
    expect(await onA.take('u1')).toBe(0);
    expect(await onB.take('u1')).toBeGreaterThan(0);
    expect(await onA.take('u1')).toBeGreaterThan(0);
    expect(await instanceB('sign-in-account', 3, 60_000).take('u1')).toBe(0);
    // Another installation (prefix) on the same Redis counts on its own.
    const otherPrefix = testRedisPrefix();
    expect(await redisLimiterFactory(openTestRedis(otherPrefix), otherPrefix)('comments', 3, 60_000).take('u1')).toBe(
      0,
    );
  });

  it('lets exactly the limit through when 50 takes race from two instances', async () => {
    const prefix = testRedisPrefix();
    const limiters = [openTestRedis(prefix), openTestRedis(prefix)].map(
      (redis) => new RedisWindowLimiter(redis, prefix, 'comments', 10, 60_000),
    );
    const waits = await Promise.all(Array.from({ length: 50 }, (_, i) => limiters[i % 2]!.take('u1')));
    expect(waits.filter((waitMs) => waitMs === 0)).toHaveLength(10);
    expect(waits.filter((waitMs) => waitMs > 0)).toHaveLength(40);
  });
});

describe('RedisWindowLimiter without Redis', () => {
  it('answers within its timeout from memory, keeps limiting there, and warns once', async () => {
    const warnings: string[] = [];
    const logger: Logger = { info: () => {}, error: () => {}, warn: (message) => warnings.push(message) };
    const limiter = new RedisWindowLimiter(unreachableRedis(), 'cgtest:', 'sign-in-account', 2, 60_000, {
      logger,
      timeoutMs: 100,
    });
    const started = performance.now();
    expect(await limiter.take('chair@example.org')).toBe(0);
    expect(await limiter.take('chair@example.org')).toBe(0);
    expect(await limiter.take('chair@example.org')).toBeGreaterThan(59_000);
    await limiter.record('chair@example.org');
    await limiter.reset('chair@example.org');
    expect(await limiter.retryAfterMs('chair@example.org')).toBe(0);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(warnings).toEqual(['rate limits are counted in this instance only until Redis answers again']);
  });
});
