/** What happened to the edits made during one measurement window. */
export interface WindowTally {
  editsSent: number;
  /** Deliveries owed: for every edit, the number of other clients connected to its room when it was made. */
  expected: number;
  received: number;
  /** One sample per delivery: milliseconds from the edit to its arrival at one other client. */
  latenciesMs: number[];
  /**
   * The samples of deliveries to a client on another instance than the sender's (empty with one instance): the
   * cross-instance fan-out, through Redis.
   */
  crossLatenciesMs: number[];
}

interface Window {
  firstId: number;
  /** Exclusive; Infinity while the window is open. */
  endId: number;
  sentAt: number[];
  /** The sender's instance per edit. */
  sentFrom: number[];
  tally: WindowTally;
}

/**
 * Gives every edit an id and remembers when it was made, so each arrival can be turned into a latency sample.
 * Edits outside a window (warm-up) are sent but not counted. Send and receive times come from the same clock
 * (performance.now() in this process), so no clock sync is involved.
 */
export class DeliveryLedger {
  #nextId = 0;
  #open: Window | null = null;
  readonly #counted: Window[] = [];

  /** Starts counting; edits from now on belong to the returned window until `closeWindow`. */
  openWindow(): WindowTally {
    if (this.#open) throw new Error('a window is already open');
    const tally: WindowTally = { editsSent: 0, expected: 0, received: 0, latenciesMs: [], crossLatenciesMs: [] };
    this.#open = { firstId: this.#nextId, endId: Infinity, sentAt: [], sentFrom: [], tally };
    this.#counted.push(this.#open);
    return tally;
  }

  /** Stops counting new edits; arrivals of edits already made still count until `forget` is called. */
  closeWindow(): void {
    if (this.#open) this.#open.endId = this.#nextId;
    this.#open = null;
  }

  /** Drops every closed window, so late arrivals no longer cost lookups. */
  forget(): void {
    this.#counted.splice(0, this.#counted.length, ...(this.#open ? [this.#open] : []));
  }

  /** Records an edit about to be made (by a client on instance `from`) and returns its id. */
  recordSend(receivers: number, sentAt: number, from = 0): number {
    const id = this.#nextId++;
    const window = this.#open;
    if (window) {
      window.sentAt.push(sentAt);
      window.sentFrom.push(from);
      window.tally.editsSent += 1;
      window.tally.expected += receivers;
    }
    return id;
  }

  /** Records one client (on instance `at`) receiving edit `id`. */
  recordDelivery(id: number, receivedAt: number, at = 0): void {
    for (const window of this.#counted) {
      if (id < window.firstId || id >= window.endId) continue;
      const sentAt = window.sentAt[id - window.firstId];
      if (sentAt === undefined) return;
      window.tally.received += 1;
      window.tally.latenciesMs.push(receivedAt - sentAt);
      if (window.sentFrom[id - window.firstId] !== at) window.tally.crossLatenciesMs.push(receivedAt - sentAt);
      return;
    }
  }
}
