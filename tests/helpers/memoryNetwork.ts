import * as prng from 'lib0/prng';
import * as Y from 'yjs';

interface InFlight {
  from: number;
  to: number;
  update: Uint8Array;
}

/**
 * An in-memory network of Yjs replicas driven by a seeded random generator: it delivers messages out of order,
 * drops them (which breaks the link, as a lost frame does on a real socket), and reconnects links, exchanging
 * state vectors the way the y-websocket handshake does. Same seed, same run.
 */
export class MemoryNetwork {
  readonly replicas: Y.Doc[];
  readonly random: prng.PRNG;
  readonly #inFlight: InFlight[] = [];
  readonly #linked: boolean[][];
  readonly #dropRate: number;

  constructor(seed: number, replicaCount: number, dropRate = 0.05) {
    this.random = prng.create(seed);
    this.#dropRate = dropRate;
    this.replicas = Array.from({ length: replicaCount }, (_, i) => {
      const doc = new Y.Doc();
      doc.clientID = i + 1;
      return doc;
    });
    this.#linked = this.replicas.map(() => this.replicas.map(() => true));
    this.replicas.forEach((doc, from) => {
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === this) return;
        this.replicas.forEach((_, to) => {
          if (to !== from && this.#linked[from]![to]) this.#inFlight.push({ from, to, update });
        });
      });
    });
  }

  /** Delivers, drops or reconnects once, at random. Returns false when nothing was in flight. */
  step(): boolean {
    if (prng.int32(this.random, 0, 19) === 0) this.#reconnectRandomLink();
    if (this.#inFlight.length === 0) return false;
    const index = prng.int32(this.random, 0, this.#inFlight.length - 1);
    const [message] = this.#inFlight.splice(index, 1);
    const { from, to, update } = message!;
    if (!this.#linked[from]![to]) return true;
    if (prng.real53(this.random) < this.#dropRate) {
      this.#linked[from]![to] = false;
      this.#linked[to]![from] = false;
      return true;
    }
    Y.applyUpdate(this.replicas[to]!, update, this);
    return true;
  }

  /** Reconnects every link and delivers everything, so all replicas must end up equal. */
  heal(): void {
    for (let a = 0; a < this.replicas.length; a++) {
      for (let b = 0; b < this.replicas.length; b++) if (a !== b) this.#sync(a, b);
    }
    while (this.#inFlight.length > 0) {
      const message = this.#inFlight.shift()!;
      Y.applyUpdate(this.replicas[message.to]!, message.update, this);
    }
  }

  #reconnectRandomLink(): void {
    const a = prng.int32(this.random, 0, this.replicas.length - 1);
    const b = prng.int32(this.random, 0, this.replicas.length - 1);
    if (a === b || this.#linked[a]![b]) return;
    this.#linked[a]![b] = true;
    this.#linked[b]![a] = true;
    this.#sync(a, b);
    this.#sync(b, a);
  }

  /** Sync step 1/2 from `a` to `b`: b receives what it lacks of a's state. */
  #sync(a: number, b: number): void {
    const missing = Y.encodeStateAsUpdate(this.replicas[a]!, Y.encodeStateVector(this.replicas[b]!));
    Y.applyUpdate(this.replicas[b]!, missing, this);
  }
}
