import type * as Y from 'yjs';
import {
  removeRoundProjection,
  writePriorities,
  writeRoundProjection,
  type PriorityProjection,
  type RoundProjection,
} from '../../shared/model/prioritisation/projection.ts';
import type { Logger } from '../logger.ts';

/** Writes into a partnership's ballots projection doc (stored, then broadcast); resolves once durable. */
export type WriteBallotsDoc = (partnershipId: string, change: (doc: Y.Doc) => void) => Promise<void>;

export interface RoundProjectorDeps {
  write: WriteBallotsDoc;
  /** The round's projection as SQL has it now; null when it should not be in the doc (a draft, or deleted). */
  projectionOf: (roundId: string) => RoundProjection | null;
  prioritiesOf: (partnershipId: string) => PriorityProjection[];
  logger: Logger;
}

interface Pending {
  rounds: Set<string>;
  priorities: boolean;
}

/**
 * Keeps each partnership's projection doc in step with SQL. Changes are coalesced: everything marked during one
 * event-loop turn is written in one doc transaction, read from SQL at write time, so a burst of ballots costs one
 * write and the doc never shows an older state after a newer one. One write per partnership at a time.
 */
export class RoundProjector {
  readonly #deps: RoundProjectorDeps;
  readonly #pending = new Map<string, Pending>();
  readonly #writing = new Map<string, Promise<void>>();
  #scheduled = false;
  #stopped = false;

  constructor(deps: RoundProjectorDeps) {
    this.#deps = deps;
  }

  /** A round changed (state, turnout, tally, decision). */
  roundChanged(partnershipId: string, roundId: string): void {
    this.#pendingFor(partnershipId).rounds.add(roundId);
    this.#schedule();
  }

  /** The partnership's agreed priorities changed. */
  prioritiesChanged(partnershipId: string): void {
    this.#pendingFor(partnershipId).priorities = true;
    this.#schedule();
  }

  /** Resolves when everything marked so far is written. */
  async whenIdle(): Promise<void> {
    while (this.#scheduled || this.#pending.size > 0 || this.#writing.size > 0) {
      if (this.#scheduled || this.#pending.size > 0) await new Promise((resolve) => setImmediate(resolve));
      await Promise.all(this.#writing.values());
    }
  }

  /** Writes what is pending, then accepts no more (shutdown). */
  async stop(): Promise<void> {
    await this.whenIdle();
    this.#stopped = true;
  }

  #pendingFor(partnershipId: string): Pending {
    let pending = this.#pending.get(partnershipId);
    if (!pending) {
      pending = { rounds: new Set(), priorities: false };
      this.#pending.set(partnershipId, pending);
    }
    return pending;
  }

  #schedule(): void {
    if (this.#scheduled || this.#stopped) return;
    this.#scheduled = true;
    setImmediate(() => {
      this.#scheduled = false;
      for (const partnershipId of [...this.#pending.keys()]) this.#flush(partnershipId);
    });
  }

  #flush(partnershipId: string): void {
    if (this.#writing.has(partnershipId)) return; // picked up when the write in progress finishes
    const pending = this.#pending.get(partnershipId);
    if (!pending) return;
    this.#pending.delete(partnershipId);
    const writing = this.#deps
      .write(partnershipId, (doc) => {
        for (const roundId of pending.rounds) {
          const projection = this.#deps.projectionOf(roundId);
          if (projection) writeRoundProjection(doc, projection);
          else removeRoundProjection(doc, roundId);
        }
        if (pending.priorities) writePriorities(doc, this.#deps.prioritiesOf(partnershipId));
      })
      .catch((error: unknown) =>
        this.#deps.logger.error('writing the ballots projection failed', { partnershipId, error }),
      )
      .finally(() => {
        this.#writing.delete(partnershipId);
        if (this.#pending.has(partnershipId) && !this.#stopped) this.#flush(partnershipId);
      });
    this.#writing.set(partnershipId, writing);
  }
}
