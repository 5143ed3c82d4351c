/**
 * Counts events per key (an address, an account) in a sliding window: after `maxEvents` in the window, the key must
 * wait until the oldest ages out. Asynchronous because the count may live outside the process (Redis, when several
 * instances serve one installation, so a limit is not multiplied by the number of instances).
 */
export interface RateLimiter {
  /** Milliseconds until the key may act again, or 0 when it may act now. */
  retryAfterMs(key: string): Promise<number>;
  /** Counts an event, whether or not the key is within its limit. */
  record(key: string): Promise<void>;
  /**
   * Counts an event only if the key is within its limit, in one atomic step (concurrent requests cannot all slip in
   * under the limit); answers 0 when counted, else how long to wait, without counting the refused attempt.
   */
  take(key: string): Promise<number>;
  /** Forgets the key's events (an account after a successful sign-in). */
  reset(key: string): Promise<void>;
}

/**
 * Builds one limiter. `name` tells the limiters apart where they share storage (sign-in throttles, comment posting):
 * the same key counted by two limiters must be two counts.
 */
export type RateLimiterFactory = (name: string, maxEvents: number, windowMs: number) => RateLimiter;
