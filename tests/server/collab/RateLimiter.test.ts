import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../server/collab/RateLimiter.ts';

describe('RateLimiter', () => {
  it('allows a burst up to capacity, then refills at the sustained rate', () => {
    const limiter = new RateLimiter(10, 5, 0);
    for (let i = 0; i < 5; i++) expect(limiter.take(0)).toBe(true);
    expect(limiter.take(0)).toBe(false);
    expect(limiter.take(100)).toBe(true);
    expect(limiter.take(100)).toBe(false);
    expect(limiter.take(10_000)).toBe(true);
  });
});
