import { localLease, type Lease } from '../cluster/RedisLease.ts';
import type { Logger } from '../logger.ts';

/** setTimeout's longest delay (about 24.8 days); longer waits are re-armed in steps. */
const longestDelayMs = 2 ** 31 - 1;

/** How long the instance that won a round's closing holds it: far longer than a close takes. */
const defaultLeaseTtlMs = 30_000;

export interface RoundClockOptions {
  /**
   * Of several instances, each with its timer, only the holder of `round-close:<roundId>` closes the round (one
   * instance: the local lease, always held).
   */
  lease?: Lease | undefined;
  leaseTtlMs?: number | undefined;
}

/**
 * Closes rounds at their closing time. Timers are a convenience for the live countdown: every read of a round also
 * closes it when it is overdue, so a round never takes a vote after its time, timer or not. Inactive until started,
 * so route tests without a running server arm nothing.
 *
 * With several instances every one arms the same timers; the lease decides which one closes. The others look again
 * once the lease would have run out, so a round still closes by its timer when the winner died before closing it.
 * The lease only saves duplicate work: closing is idempotent in the database (the round is locked and must still be
 * open), so when Redis cannot be asked the instance closes anyway.
 */
export class RoundClock {
  readonly #onDue: (roundId: string) => Promise<void>;
  readonly #logger: Logger;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Closings a timer started and that have not finished: `stop` waits for them. */
  readonly #closing = new Set<Promise<void>>();
  readonly #lease: Lease;
  readonly #leaseTtlMs: number;
  #running = false;

  constructor(onDue: (roundId: string) => Promise<void>, logger: Logger, options: RoundClockOptions = {}) {
    this.#onDue = onDue;
    this.#logger = logger;
    this.#lease = options.lease ?? localLease;
    this.#leaseTtlMs = options.leaseTtlMs ?? defaultLeaseTtlMs;
  }

  start(): void {
    this.#running = true;
  }

  /** Sets (or moves, or with null removes) the round's closing timer. */
  arm(roundId: string, closesAt: string | null): void {
    this.disarm(roundId);
    if (!this.#running || closesAt === null) return;
    const delay = Math.max(0, Date.parse(closesAt) - Date.now());
    const timer = setTimeout(
      () => {
        this.#timers.delete(roundId);
        if (delay > longestDelayMs) this.arm(roundId, closesAt);
        else this.#due(roundId);
      },
      Math.min(delay, longestDelayMs),
    );
    timer.unref();
    this.#timers.set(roundId, timer);
  }

  disarm(roundId: string): void {
    clearTimeout(this.#timers.get(roundId));
    this.#timers.delete(roundId);
  }

  /** Clears every timer, then waits for closings already under way (shutdown, before the store closes). */
  async stop(): Promise<void> {
    this.#running = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
    await Promise.all(this.#closing);
  }

  #due(roundId: string): void {
    const closing = this.#claim(roundId)
      .then((ours) => {
        if (ours) return this.#onDue(roundId);
        // Unless the round was armed again meanwhile (its closing time moved), look again after the lease.
        if (!this.#timers.has(roundId)) this.arm(roundId, new Date(Date.now() + this.#leaseTtlMs).toISOString());
        return undefined;
      })
      .catch((error: unknown) => this.#logger.error('closing a round at its time failed', { roundId, error }))
      .finally(() => this.#closing.delete(closing));
    this.#closing.add(closing);
  }

  async #claim(roundId: string): Promise<boolean> {
    try {
      return await this.#lease.tryAcquire(`round-close:${roundId}`, this.#leaseTtlMs);
    } catch (error) {
      this.#logger.warn('could not take the lease on closing a round; closing it here anyway', { roundId, error });
      return true;
    }
  }
}
