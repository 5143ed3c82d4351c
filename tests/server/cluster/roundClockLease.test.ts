import { describe, expect, it } from 'vitest';
import { RedisLease, type Lease } from '../../../server/cluster/RedisLease.ts';
import type { Logger } from '../../../server/logger.ts';
import { RoundClock } from '../../../server/rounds/RoundClock.ts';
import { waitFor } from '../../helpers/waitFor.ts';
import { openTestRedis, redisUnavailable, testRedisPrefix } from './testRedis.ts';

const skipped = await redisUnavailable('RoundClock with a Redis lease (a round closes once across instances)');

/** A started clock that counts the closings it runs; stopped when the test ends. */
function countingClock(lease: Lease, leaseTtlMs = 30_000, logger?: Logger): { clock: RoundClock; closed: string[] } {
  const closed: string[] = [];
  const silent: Logger = { info: () => {}, warn: () => {}, error: () => {} };
  const clock = new RoundClock(
    (roundId) => {
      closed.push(roundId);
      return Promise.resolve();
    },
    logger ?? silent,
    { lease, leaseTtlMs },
  );
  clock.start();
  return { clock, closed };
}

describe.skipIf(skipped !== null)('RoundClock with a Redis lease', () => {
  it('closes a round once when two instances’ timers fall due together', async () => {
    const prefix = testRedisPrefix();
    const a = countingClock(new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'a' }));
    const b = countingClock(new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'b' }));
    const closesAt = new Date(Date.now() + 30).toISOString();
    a.clock.arm('r1', closesAt);
    b.clock.arm('r1', closesAt);
    await waitFor(() => expect([...a.closed, ...b.closed]).toEqual(['r1']));
    // The loser has looked for the lease and gone back to waiting; nothing else is under way.
    await Promise.all([a.clock.stop(), b.clock.stop()]);
    expect([...a.closed, ...b.closed]).toEqual(['r1']);
  });

  it('closes the round on another instance when the lease holder died before closing it', async () => {
    const prefix = testRedisPrefix();
    // Instance A won the round and died: its lease is there, and nobody will close the round on A.
    expect(
      await new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'a' }).tryAcquire('round-close:r2', 300),
    ).toBe(true);
    const b = countingClock(new RedisLease(openTestRedis(prefix), prefix, { instanceId: 'b' }), 300);
    b.clock.arm('r2', new Date().toISOString());
    await waitFor(() => expect(b.closed).toEqual(['r2']), { timeoutMs: 3000 });
    await b.clock.stop();
  });
});

describe('RoundClock when the lease cannot be asked', () => {
  it('closes the round anyway (closing is idempotent in the database) and warns', async () => {
    const warnings: string[] = [];
    const logger: Logger = { info: () => {}, error: () => {}, warn: (message) => warnings.push(message) };
    const broken: Lease = { tryAcquire: () => Promise.reject(new Error('Redis did not answer within 1000 ms')) };
    const { clock, closed } = countingClock(broken, 30_000, logger);
    clock.arm('r3', new Date().toISOString());
    await waitFor(() => expect(closed).toEqual(['r3']));
    await clock.stop();
    expect(warnings).toEqual(['could not take the lease on closing a round; closing it here anyway']);
  });
});
