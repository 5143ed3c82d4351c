/**
 * Counts failed sign-ins per key (an address, an account) in a sliding window. After `maxFailures` failures in
 * the window, further attempts for that key are refused until the oldest failure ages out. In memory: one
 * process's view, which is what a single instance needs (scale-out would move this to Redis).
 */
export class LoginThrottle {
  readonly #maxFailures: number;
  readonly #windowMs: number;
  readonly #failures = new Map<string, number[]>();

  constructor(maxFailures = 10, windowMs = 15 * 60 * 1000) {
    this.#maxFailures = maxFailures;
    this.#windowMs = windowMs;
  }

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfterMs(key: string, now = Date.now()): number {
    const recent = this.#recent(key, now);
    if (recent.length < this.#maxFailures) return 0;
    return recent[recent.length - this.#maxFailures]! + this.#windowMs - now;
  }

  recordFailure(key: string, now = Date.now()): void {
    const recent = this.#recent(key, now);
    recent.push(now);
    this.#failures.set(key, recent);
    if (this.#failures.size > 100_000) this.#sweep(now);
  }

  reset(key: string): void {
    this.#failures.delete(key);
  }

  #recent(key: string, now: number): number[] {
    return (this.#failures.get(key) ?? []).filter((at) => at > now - this.#windowMs);
  }

  #sweep(now: number): void {
    for (const [key, times] of this.#failures) {
      if (times.every((at) => at <= now - this.#windowMs)) this.#failures.delete(key);
    }
  }
}
