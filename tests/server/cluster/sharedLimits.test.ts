import { describe, expect, it } from 'vitest';
import { redisLimiterFactory } from '../../../server/cluster/RedisWindowLimiter.ts';
import { createServices, type ServiceHooks } from '../../../server/createServices.ts';
import { HttpError, RateLimitedError } from '../../../server/http/errors.ts';
import type { RateLimiterFactory } from '../../../server/http/RateLimiter.ts';
import { memoryLimiters } from '../../../server/http/SlidingWindowLimiter.ts';
import { createTestUser } from '../../helpers/storeFactories.ts';
import { openTestStore } from '../../helpers/testStore.ts';
import { openTestRedis, redisUnavailable, testRedisPrefix } from './testRedis.ts';

const skipped = await redisUnavailable('sign-in throttles shared between instances through Redis');

const hooks: ServiceHooks = {
  closeUserSockets: () => {},
  closeMemberSockets: () => {},
  initialiseWorkspace: () => Promise.resolve(),
  onAdminCreated: () => Promise.resolve(),
};

async function failedSignIn(services: ReturnType<typeof createServices>): Promise<number> {
  try {
    await services.accounts.login('cora@example.org', 'not her password', '10.0.0.7');
  } catch (error) {
    if (error instanceof HttpError) return error.status;
    throw error;
  }
  throw new Error('a wrong password signed in');
}

describe('createServices limiters', () => {
  it('builds every limit (sign-in, comments, ballots, versions, comparisons) from the factory it is given, each by its own name', async () => {
    const store = await openTestStore();
    const built: string[] = [];
    const recording: RateLimiterFactory = (name, maxEvents, windowMs) => {
      built.push(`${name} ${maxEvents}/${windowMs}ms`);
      return memoryLimiters(name, maxEvents, windowMs);
    };
    createServices(store, { ...hooks, limiters: recording, commentsPerMinute: 7 });
    expect(built.sort()).toEqual([
      'ballot-changes 30/60000ms',
      'comments 7/60000ms',
      'comparisons 60/60000ms',
      'manual-versions 20/3600000ms',
      'sign-in-account 10/900000ms',
      'sign-in-account-ceiling 50/900000ms',
      'sign-in-address 100/900000ms',
    ]);
  });

  it.skipIf(skipped !== null)(
    'counts failed sign-ins on one instance against the limit on another (Redis)',
    async () => {
      const store = await openTestStore();
      await createTestUser(store, 'Cora');
      const prefix = testRedisPrefix();
      const [instanceA, instanceB] = [openTestRedis(prefix), openTestRedis(prefix)].map((redis) =>
        createServices(store, { ...hooks, limiters: redisLimiterFactory(redis, prefix) }),
      );
      for (let i = 0; i < 10; i++) expect(await failedSignIn(i % 2 === 0 ? instanceA! : instanceB!)).toBe(401);
      // The eleventh failure from this address, on either instance, is refused before the password is checked.
      await expect(instanceB!.accounts.login('cora@example.org', 'guess', '10.0.0.7')).rejects.toBeInstanceOf(
        RateLimitedError,
      );
      await expect(instanceA!.accounts.login('cora@example.org', 'guess', '10.0.0.7')).rejects.toBeInstanceOf(
        RateLimitedError,
      );
      expect(await failedSignIn(instanceA!)).toBe(429);
      // Another address is not held up by this one's failures.
      await expect(instanceA!.accounts.login('cora@example.org', 'guess', '10.0.0.8')).rejects.toMatchObject({
        status: 401,
      });
    },
  );
});
