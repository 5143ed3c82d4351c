import type { RateLimiter, RateLimiterFactory } from './RateLimiter.ts';

/**
 * A {@link RateLimiter} in memory: one process's view, which is what a single instance needs (several instances
 * count in Redis, `server/cluster/RedisWindowLimiter.ts`). Time is passed in so tests can drive it without clocks;
 * every method finishes synchronously, so `take` is atomic.
 */
export class SlidingWindowLimiter implements RateLimiter {
  readonly #maxEvents: number;
  readonly #windowMs: number;
  readonly #events = new Map<string, number[]>();

  constructor(maxEvents: number, windowMs: number) {
    this.#maxEvents = maxEvents;
    this.#windowMs = windowMs;
  }

  retryAfterMs(key: string, now = Date.now()): Promise<number> {
    return Promise.resolve(this.#retryAfterMs(key, now));
  }

  record(key: string, now = Date.now()): Promise<void> {
    this.#record(key, now);
    return Promise.resolve();
  }

  take(key: string, now = Date.now()): Promise<number> {
    const waitMs = this.#retryAfterMs(key, now);
    if (waitMs === 0) this.#record(key, now);
    return Promise.resolve(waitMs);
  }

  reset(key: string): Promise<void> {
    this.#events.delete(key);
    return Promise.resolve();
  }

  #retryAfterMs(key: string, now: number): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#maxEvents) return 0;
    return recent[recent.length - this.#maxEvents]! + this.#windowMs - now;
  }

  #record(key: string, now: number): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#events.set(key, recent);
    if (this.#events.size > 100_000) this.#sweep(now);
  }

  #recent(key: string, now: number): number[] {
    return (this.#events.get(key) ?? []).filter((at) => at > now - this.#windowMs);
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#events) {
      if (times.every((at) => at <= now - this.#windowMs)) this.#events.delete(key);
    }
  }
}

/** Limiters in memory (one instance, and tests): the default when no shared store is configured. */
export const memoryLimiters: RateLimiterFactory = (_name, maxEvents, windowMs) =>
  new SlidingWindowLimiter(maxEvents, windowMs);
