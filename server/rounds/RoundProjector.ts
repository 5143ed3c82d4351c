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
  projectionOf: (roundId: string) => Promise<RoundProjection | null>;
  prioritiesOf: (partnershipId: string) => Promise<PriorityProjection[]>;
  logger: Logger;
}

interface Pending {
  rounds: Set<string>;
  priorities: boolean;
}

/**
 * Keeps each partnership's projection doc in step with SQL. Changes are coalesced: everything marked during one
 * event-loop turn is written in one doc transaction, read from SQL just before it (after whatever was marked has
 * committed), so a burst of ballots costs one write and the doc never shows an older state after a newer one. One
 * read-and-write per partnership at a time; marks that arrive meanwhile are read again when it ends.
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
    const writing = this.#write(partnershipId, pending)
      .catch((error: unknown) =>
        this.#deps.logger.error('writing the ballots projection failed', { partnershipId, error }),
      )
      .finally(() => {
        this.#writing.delete(partnershipId);
        if (this.#pending.has(partnershipId) && !this.#stopped) this.#flush(partnershipId);
      });
    this.#writing.set(partnershipId, writing);
  }

  /** Reads what changed from SQL (one query at a time: no burst on the pool), then writes it in one doc change. */
  async #write(partnershipId: string, pending: Pending): Promise<void> {
    const projections: [string, RoundProjection | null][] = [];
    for (const roundId of pending.rounds) projections.push([roundId, await this.#deps.projectionOf(roundId)]);
    const priorities = pending.priorities ? await this.#deps.prioritiesOf(partnershipId) : null;
    await this.#deps.write(partnershipId, (doc) => {
      for (const [roundId, projection] of projections) {
        if (projection) writeRoundProjection(doc, projection);
        else removeRoundProjection(doc, roundId);
      }
      if (priorities) writePriorities(doc, priorities);
    });
  }
}
