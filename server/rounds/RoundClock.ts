import type { Logger } from '../logger.ts';

/** setTimeout's longest delay (about 24.8 days); longer waits are re-armed in steps. */
const longestDelayMs = 2 ** 31 - 1;

/**
 * Closes rounds at their closing time. Timers are a convenience for the live countdown: every read of a round also
 * closes it when it is overdue, so a round never takes a vote after its time, timer or not. Inactive until started,
 * so route tests without a running server arm nothing.
 */
export class RoundClock {
  readonly #onDue: (roundId: string) => Promise<void>;
  readonly #logger: Logger;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  /** Closings a timer started and that have not finished: `stop` waits for them. */
  readonly #closing = new Set<Promise<void>>();
  #running = false;

  constructor(onDue: (roundId: string) => Promise<void>, logger: Logger) {
    this.#onDue = onDue;
    this.#logger = logger;
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
    const closing = this.#onDue(roundId)
      .catch((error: unknown) => this.#logger.error('closing a round at its time failed', { roundId, error }))
      .finally(() => this.#closing.delete(closing));
    this.#closing.add(closing);
  }
}
