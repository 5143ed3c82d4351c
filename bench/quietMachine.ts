import { sampleMachine } from './procStats.ts';
import { delay } from './waitFor.ts';

/** Between runs nothing of the bench is busy, so machine CPU above this (percent of one core) is someone else's. */
const quietBelowPercent = 25;

/**
 * Waits, within a per-run and a total budget, until the machine has been quiet for a second, so that runs start on
 * a machine nobody else is loading. Returns the busy percentage last seen (reported, never hidden).
 */
export class QuietMachineGate {
  #budgetMs: number;
  readonly #perRunMs: number;

  constructor(totalBudgetMs: number, perRunMs: number) {
    this.#budgetMs = totalBudgetMs;
    this.#perRunMs = perRunMs;
  }

  async wait(): Promise<number> {
    const started = performance.now();
    const limit = Math.min(this.#perRunMs, this.#budgetMs);
    let busyPercent: number;
    do {
      const before = sampleMachine();
      await delay(1_000);
      const after = sampleMachine();
      busyPercent = ((after.busyMs - before.busyMs) / (after.at - before.at)) * 100;
    } while (busyPercent >= quietBelowPercent && performance.now() - started < limit);
    this.#budgetMs = Math.max(0, this.#budgetMs - (performance.now() - started));
    return busyPercent;
  }
}
