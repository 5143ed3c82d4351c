import { createHash, randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RateLimiter, RateLimiterFactory } from '../http/RateLimiter.ts';
import { SlidingWindowLimiter } from '../http/SlidingWindowLimiter.ts';
import { silentLogger, type Logger } from '../logger.ts';
import { withinTimeout } from './withinTimeout.ts';

/**
 * One step on a key's sorted set of event times, atomic in Redis: drops events older than the window, answers how
 * long the key must wait (0 when within its limit) and, for `record` (always) or `take` (only when within the
 * limit), adds the event. Times come from Redis's own clock, so instances whose clocks disagree still count one
 * window. Only the newest `maxEvents` events can decide a wait, so older ones are trimmed, and the key expires a
 * window after its last event.
 */
const windowScript = `
if redis.replicate_commands then redis.replicate_commands() end
local key, mode = KEYS[1], ARGV[1]
local maxEvents, windowMs = tonumber(ARGV[2]), tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', key, '-inf', now - windowMs)
local count = redis.call('ZCARD', key)
local waitMs = 0
if count >= maxEvents then
  local oldest = redis.call('ZRANGE', key, count - maxEvents, count - maxEvents, 'WITHSCORES')
  waitMs = tonumber(oldest[2]) + windowMs - now
end
if mode == 'record' or (mode == 'take' and waitMs == 0) then
  redis.call('ZADD', key, now, ARGV[4])
  redis.call('ZREMRANGEBYRANK', key, 0, -(maxEvents + 1))
  redis.call('PEXPIRE', key, windowMs)
end
return waitMs
`;
const windowScriptSha = createHash('sha1').update(windowScript).digest('hex');

type Step = 'check' | 'take' | 'record';

export interface RedisLimiterOptions {
  /** Told once when Redis stops answering (and once when it answers again). */
  logger?: Logger;
  /** How long one Redis step may take before this call falls back to memory. */
  timeoutMs?: number;
}

/** Long enough for any healthy Redis, short enough that a sign-in during an outage still answers promptly. */
const defaultTimeoutMs = 1000;

/**
 * A {@link RateLimiter} counted in Redis, shared by every instance using the same `prefix`: a sorted set of event
 * times per key at `${prefix}limit:${name}:${key}`. Each event is a unique member (a random id), so events in the
 * same millisecond, on one instance or several, all count.
 *
 * When Redis fails or does not answer within `timeoutMs` (a step left queued may still count later: an extra
 * event, never one lost), the call is answered by an in-memory limiter instead, and a
 * warning is logged. Failing closed (refusing every sign-in and comment) would turn a Redis outage into an outage
 * of sign-in for everyone; failing open would lift brute-force protection exactly while the operator is busy.
 * Counting in memory keeps each instance's own limit, so at worst the limit is multiplied by the number of
 * instances for the length of the outage, and an instance without Redis reports itself not ready, so the load
 * balancer sends it little traffic meanwhile. Events counted in memory are not carried into Redis afterwards.
 */
export class RedisWindowLimiter implements RateLimiter {
  readonly #redis: Redis;
  readonly #keyPrefix: string;
  readonly #maxEvents: number;
  readonly #windowMs: number;
  readonly #logger: Logger;
  readonly #timeoutMs: number;
  readonly #fallback: SlidingWindowLimiter;
  #degraded = false;

  constructor(
    redis: Redis,
    prefix: string,
    name: string,
    maxEvents: number,
    windowMs: number,
    options: RedisLimiterOptions = {},
  ) {
    this.#redis = redis;
    this.#keyPrefix = `${prefix}limit:${name}:`;
    this.#maxEvents = maxEvents;
    this.#windowMs = windowMs;
    this.#logger = options.logger ?? silentLogger;
    this.#timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.#fallback = new SlidingWindowLimiter(maxEvents, windowMs);
  }

  /** The Redis key that holds `key`'s events. */
  keyOf(key: string): string {
    return `${this.#keyPrefix}${key}`;
  }

  retryAfterMs(key: string): Promise<number> {
    return this.#step('check', key, () => this.#fallback.retryAfterMs(key));
  }

  async record(key: string): Promise<void> {
    await this.#step('record', key, async () => {
      await this.#fallback.record(key);
      return 0;
    });
  }

  take(key: string): Promise<number> {
    return this.#step('take', key, () => this.#fallback.take(key));
  }

  async reset(key: string): Promise<void> {
    await this.#fallback.reset(key);
    try {
      await withinTimeout(this.#redis.del(this.keyOf(key)), this.#timeoutMs);
      this.#answered();
    } catch (error) {
      this.#failed(error);
    }
  }

  async #step(step: Step, key: string, fallback: () => Promise<number>): Promise<number> {
    try {
      const waitMs = await withinTimeout(this.#run(step, key), this.#timeoutMs);
      this.#answered();
      return waitMs;
    } catch (error) {
      this.#failed(error);
      return fallback();
    }
  }

  async #run(step: Step, key: string): Promise<number> {
    const args = [this.keyOf(key), step, this.#maxEvents, this.#windowMs, randomBytes(9).toString('base64url')];
    let answer: unknown;
    try {
      answer = await this.#redis.evalsha(windowScriptSha, 1, ...args);
    } catch (error) {
      // A Redis that has not seen the script yet (or was restarted since) is sent it once in full.
      if (!(error instanceof Error && error.message.startsWith('NOSCRIPT'))) throw error;
      answer = await this.#redis.eval(windowScript, 1, ...args);
    }
    if (typeof answer !== 'number') throw new Error(`unexpected answer from the rate limit script: ${String(answer)}`);
    return answer;
  }

  #failed(error: unknown): void {
    if (this.#degraded) return;
    this.#degraded = true;
    this.#logger.warn('rate limits are counted in this instance only until Redis answers again', {
      limiter: this.#keyPrefix,
      error,
    });
  }

  #answered(): void {
    if (!this.#degraded) return;
    this.#degraded = false;
    this.#logger.info('rate limits are counted in Redis again', { limiter: this.#keyPrefix });
  }
}

/** Limiters counted in Redis under `prefix` (cluster mode): pass to `createServices` as `limiters`. */
export function redisLimiterFactory(
  redis: Redis,
  prefix: string,
  options: RedisLimiterOptions = {},
): RateLimiterFactory {
  return (name, maxEvents, windowMs) => new RedisWindowLimiter(redis, prefix, name, maxEvents, windowMs, options);
}
