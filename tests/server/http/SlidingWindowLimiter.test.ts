import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../server/http/SlidingWindowLimiter.ts';

describe('SlidingWindowLimiter', () => {
  it('allows ten events in the window and refuses the eleventh until the oldest ages out', async () => {
    const limiter = new SlidingWindowLimiter(10, 1000);
    for (let i = 0; i < 10; i++) {
      expect(await limiter.retryAfterMs('k', i)).toBe(0);
      await limiter.record('k', i);
    }
    expect(await limiter.retryAfterMs('k', 10)).toBe(990);
    expect(await limiter.retryAfterMs('k', 1000)).toBe(0);
    expect(await limiter.retryAfterMs('other', 10)).toBe(0);
  });

  it('forgets a key’s events when reset (an account after a successful sign-in)', async () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    await limiter.record('k', 0);
    await limiter.record('k', 1);
    await limiter.reset('k');
    expect(await limiter.retryAfterMs('k', 2)).toBe(0);
  });

  it('takes an event only while within the limit, so a refused attempt does not push the wait further out', async () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(await limiter.take('k', 0)).toBe(0);
    expect(await limiter.take('k', 100)).toBe(0);
    expect(await limiter.take('k', 200)).toBe(800);
    expect(await limiter.take('k', 900)).toBe(100);
    expect(await limiter.take('k', 1000)).toBe(0);
  });

  it('lets no more than the limit through when takes arrive together', async () => {
    const limiter = new SlidingWindowLimiter(10, 60_000);
    const waits = await Promise.all(Array.from({ length: 50 }, () => limiter.take('k')));
    expect(waits.filter((waitMs) => waitMs === 0)).toHaveLength(10);
  });
});
