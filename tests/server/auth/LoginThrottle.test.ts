import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../../server/auth/LoginThrottle.ts';

describe('LoginThrottle', () => {
  it('allows ten failures in the window and refuses the eleventh attempt until the oldest ages out', () => {
    const throttle = new LoginThrottle(10, 1000);
    for (let i = 0; i < 10; i++) {
      expect(throttle.retryAfterMs('k', i)).toBe(0);
      throttle.recordFailure('k', i);
    }
    expect(throttle.retryAfterMs('k', 10)).toBe(990);
    expect(throttle.retryAfterMs('k', 1000)).toBe(0);
    expect(throttle.retryAfterMs('other', 10)).toBe(0);
  });

  it('forgets an account’s failures after a successful sign-in', () => {
    const throttle = new LoginThrottle(2, 1000);
    throttle.recordFailure('k', 0);
    throttle.recordFailure('k', 1);
    throttle.reset('k');
    expect(throttle.retryAfterMs('k', 2)).toBe(0);
  });
});
