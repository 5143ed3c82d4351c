import { describe, expect, it } from 'vitest';
import { SlidingWindowLimiter } from '../../../server/http/SlidingWindowLimiter.ts';

describe('SlidingWindowLimiter', () => {
  it('allows ten events in the window and refuses the eleventh until the oldest ages out', () => {
    const limiter = new SlidingWindowLimiter(10, 1000);
    for (let i = 0; i < 10; i++) {
      expect(limiter.retryAfterMs('k', i)).toBe(0);
      limiter.record('k', i);
    }
    expect(limiter.retryAfterMs('k', 10)).toBe(990);
    expect(limiter.retryAfterMs('k', 1000)).toBe(0);
    expect(limiter.retryAfterMs('other', 10)).toBe(0);
  });

  it('forgets a key’s events when reset (an account after a successful sign-in)', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    limiter.record('k', 0);
    limiter.record('k', 1);
    limiter.reset('k');
    expect(limiter.retryAfterMs('k', 2)).toBe(0);
  });

  it('takes an event only while within the limit, so a refused attempt does not push the wait further out', () => {
    const limiter = new SlidingWindowLimiter(2, 1000);
    expect(limiter.take('k', 0)).toBe(0);
    expect(limiter.take('k', 100)).toBe(0);
    expect(limiter.take('k', 200)).toBe(800);
    expect(limiter.take('k', 900)).toBe(100);
    expect(limiter.take('k', 1000)).toBe(0);
  });
});
