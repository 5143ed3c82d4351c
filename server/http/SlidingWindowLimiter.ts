/**
 * Counts events per key (an address, an account) in a sliding window: after `maxEvents` in the window, the key must
 * wait until the oldest ages out. Used for failed sign-ins and for comments. In memory: one process's view, which is
 * what a single instance needs (scale-out would move this to Redis).
 */
export class SlidingWindowLimiter {
  readonly #maxEvents: number;
  readonly #windowMs: number;
  readonly #events = new Map<string, number[]>();

  constructor(maxEvents: number, windowMs: number) {
    this.#maxEvents = maxEvents;
    this.#windowMs = windowMs;
  }

  /** Milliseconds until the key may act again, or 0 when it may act now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#maxEvents) return 0;
    return recent[recent.length - this.#maxEvents]! + this.#windowMs - now;
  }

  record(key: string, now = Date.now()): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#events.set(key, recent);
    if (this.#events.size > 100_000) this.#sweep(now);
  }

  /**
   * Records an event if the key is within its limit; otherwise records nothing and says how long to wait. Checking
   * and recording in one synchronous call means concurrent requests cannot all slip in under the limit.
   */
  take(key: string, now = Date.now()): number {
    const waitMs = this.retryAfterMs(key, now);
    if (waitMs === 0) this.record(key, now);
    return waitMs;
  }

  reset(key: string): void {
    this.#events.delete(key);
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
