/** setTimeout's longest delay (about 24.8 days); longer waits are re-armed in steps. */
const longestDelayMs = 2 ** 31 - 1;

/**
 * Closes rounds at their closing time. Timers are a convenience for the live countdown: every read of a round also
 * closes it when it is overdue, so a round never takes a vote after its time, timer or not. Inactive until started,
 * so route tests without a running server arm nothing.
 */
export class RoundClock {
  readonly #onDue: (roundId: string) => void;
  readonly #timers = new Map<string, NodeJS.Timeout>();
  #running = false;

  constructor(onDue: (roundId: string) => void) {
    this.#onDue = onDue;
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
        else this.#onDue(roundId);
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

  stop(): void {
    this.#running = false;
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
