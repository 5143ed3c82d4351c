import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { withinTimeout } from './withinTimeout.ts';

/**
 * A claim on a piece of work for a while, so that of several instances only one does it (closing a round at its
 * time). A lease is an optimisation, never the guarantee: work guarded by one must still be safe to repeat (a round
 * closes in a transaction that locks it), since a lease can expire while its holder is still at work.
 */
export interface Lease {
  /**
   * True when this instance holds `key` for the next `ttlMs`: it was free, or this instance already held it (the
   * hold is then extended). False while another instance holds it.
   */
  tryAcquire(key: string, ttlMs: number): Promise<boolean>;
}

/** One instance alone: every lease is its own. */
export const localLease: Lease = { tryAcquire: () => Promise.resolve(true) };

/**
 * Takes the lease if it is free or already ours. Ours again matters: a round whose closing time moved is due a second
 * time on the instance that won the first time, and must not wait out its own lease.
 */
const acquireScript = `
local holder = redis.call('GET', KEYS[1])
if holder == false then
  redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
  return 1
end
if holder == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/** Leases held in Redis at `${prefix}lease:${key}`, the value naming the holding instance; they expire by themselves. */
export class RedisLease implements Lease {
  readonly #redis: Redis;
  readonly #prefix: string;
  /** This instance, as written into the leases it holds. */
  readonly instanceId: string;

  readonly #timeoutMs: number;

  constructor(redis: Redis, prefix: string, options: { instanceId?: string; timeoutMs?: number } = {}) {
    this.#redis = redis;
    this.#prefix = prefix;
    this.instanceId = options.instanceId ?? randomUUID();
    this.#timeoutMs = options.timeoutMs ?? 1000;
  }

  /** The Redis key of a lease. */
  keyOf(key: string): string {
    return `${this.#prefix}lease:${key}`;
  }

  /** Rejects when Redis fails or does not answer within the timeout (one second unless told). */
  async tryAcquire(key: string, ttlMs: number): Promise<boolean> {
    const answer = await withinTimeout(
      this.#redis.eval(acquireScript, 1, this.keyOf(key), this.instanceId, Math.ceil(ttlMs)),
      this.#timeoutMs,
    );
    return answer === 1;
  }
}
