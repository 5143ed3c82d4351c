import { describe, expect, it } from 'vitest';
import { RedisLease } from '../../../server/cluster/RedisLease.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { openTestRedis, redisUnavailable, testRedisPrefix, unreachableRedis } from './testRedis.ts';

const skipped = await redisUnavailable('RedisLease (one instance at a time)');

/** Two instances contending for leases under one prefix, each with its own connection, and the prefix. */
function twoInstances(): [RedisLease, RedisLease, string] {
  const prefix = testRedisPrefix();
  return [
    new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'instance-a' }),
    new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'instance-b' }),
    prefix,
  ];
}

describe.skipIf(skipped !== null)('RedisLease', () => {
  it('gives a lease to exactly one of two contenders, under the prefix, naming the holder', async () => {
    const [a, b, prefix] = twoInstances();
    const won = await Promise.all([a.tryAcquire('round-close:r1', 10_000), b.tryAcquire('round-close:r1', 10_000)]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const holder = won[0] ? a : b;
    expect(holder.keyOf('round-close:r1')).toBe(`${prefix}lease:round-close:r1`);
    expect(await openTestRedis(prefix).get(`${prefix}lease:round-close:r1`)).toBe(holder.instanceId);
  });

  it('lets the holder take its lease again (extending it) while the other is refused', async () => {
    const [a, b] = twoInstances();
    expect(await a.tryAcquire('round-close:r2', 10_000)).toBe(true);
    expect(await a.tryAcquire('round-close:r2', 10_000)).toBe(true);
    expect(await b.tryAcquire('round-close:r2', 10_000)).toBe(false);
    expect(await b.tryAcquire('round-close:r3', 10_000)).toBe(true);
  });

  it('lets the next contender win once the holder’s lease has expired', async () => {
    const [a, b] = twoInstances();
    expect(await a.tryAcquire('round-close:r4', 200)).toBe(true);
    expect(await b.tryAcquire('round-close:r4', 200)).toBe(false);
    await waitFor(async () => expect(await b.tryAcquire('round-close:r4', 10_000)).toBe(true), { timeoutMs: 3000 });
    expect(await a.tryAcquire('round-close:r4', 10_000)).toBe(false);
  });
});

describe('RedisLease without Redis', () => {
  it('rejects within its timeout rather than waiting for Redis to return', async () => {
    const lease = new RedisLease(unreachableRedis(), 'cgtest:', { timeoutMs: 100 });
    await expect(lease.tryAcquire('round-close:r1', 1000)).rejects.toThrow(/did not answer within 100 ms/);
  });
});
