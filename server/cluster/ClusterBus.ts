import { randomBytes } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.ts';
import type { CollabMetrics } from '../metrics.ts';
import {
  ControlMessageSchema,
  decodeDocMessage,
  encodeDocMessage,
  type ControlMessage,
  type DocMessage,
  type WithoutFrom,
} from './clusterMessages.ts';

export interface ClusterBusOptions {
  redisUrl: string;
  /** Prefix of every key and channel (`REDIS_PREFIX`), so installations sharing one Redis never hear each other. */
  prefix: string;
  /** How often this instance says it is alive; another is gone after two missed beats. */
  heartbeatMs: number;
  logger: Logger;
  metrics: CollabMetrics;
}

/**
 * This instance's line to the others: Redis pub/sub with one channel per document and one for the cluster, over
 * two connections (a subscribed connection can do nothing else). Publishing never waits for or queues behind a
 * Redis that is down: a message that cannot go now is dropped, because the database catch-up (see
 * `RoomManager.catchUp`) delivers what matters, and presence is re-announced on reconnect.
 */
export class ClusterBus {
  readonly instanceId = randomBytes(12).toString('hex');
  /** For commands other features share (rate limits, leases); never used for pub/sub. */
  readonly redis: Redis;
  readonly prefix: string;
  readonly #sub: Redis;
  readonly #options: ClusterBusOptions;
  readonly #docChannels = new Set<string>();
  readonly #lastSeen = new Map<string, number>();
  readonly #heartbeat: NodeJS.Timeout;
  readonly #sweep: NodeJS.Timeout;
  #docHandler: (docName: string, message: DocMessage) => void = () => {};
  #controlHandler: (message: ControlMessage) => void = () => {};
  #reconnectHandler: () => void = () => {};
  #goneHandler: (instanceId: string) => void = () => {};
  #lastError: string | null = null;
  #wasReady = false;
  #closed = false;

  constructor(options: ClusterBusOptions) {
    this.#options = options;
    this.prefix = options.prefix;
    const redisOptions: RedisOptions = {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: 2_000,
      // Reconnect for ever, backing off to once every two seconds: an instance started while Redis is down becomes
      // ready by itself when Redis returns.
      retryStrategy: (attempt) => Math.min(50 * 2 ** Math.min(attempt, 6), 2_000),
    };
    this.redis = new Redis(options.redisUrl, { ...redisOptions, connectionName: `cg-${this.instanceId}` });
    this.#sub = new Redis(options.redisUrl, { ...redisOptions, connectionName: `cg-${this.instanceId}-sub` });
    for (const connection of [this.redis, this.#sub]) {
      connection.on('error', (error: Error) => {
        if (error.message !== this.#lastError)
          options.logger.warn('redis connection problem', { error: error.message });
        this.#lastError = error.message;
      });
    }
    this.#sub.on('ready', () => void this.#onSubReady());
    this.#sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.#receive(channel.toString(), message));
    this.#heartbeat = setInterval(() => this.publishControl({ type: 'heartbeat' }), options.heartbeatMs);
    this.#heartbeat.unref();
    // Swept four times a beat against one and a half beats of silence: a dead instance is noticed within two beats
    // of its last one, and a live one whose beat is late by less than half a beat is not mistaken for dead.
    this.#sweep = setInterval(() => this.#sweepSilent(), Math.max(1, Math.floor(options.heartbeatMs / 4)));
    this.#sweep.unref();
  }

  /** Why this instance cannot reach Redis now, or null when both connections are ready. */
  get problem(): string | null {
    if (this.redis.status === 'ready' && this.#sub.status === 'ready') return null;
    return `redis: ${this.#lastError ?? `connection ${this.redis.status === 'ready' ? this.#sub.status : this.redis.status}`}`;
  }

  onDocMessage(handler: (docName: string, message: DocMessage) => void): void {
    this.#docHandler = handler;
  }

  onControl(handler: (message: ControlMessage) => void): void {
    this.#controlHandler = handler;
  }

  /** Called whenever the subscription connection becomes ready again after having been lost. */
  onReconnect(handler: () => void): void {
    this.#reconnectHandler = handler;
  }

  /** Called when another instance has missed two heartbeats or said it is leaving. */
  onInstanceGone(handler: (instanceId: string) => void): void {
    this.#goneHandler = handler;
  }

  /** Listens to a document's channel; resolves once subscribed, or at once while Redis is unreachable. */
  async subscribeDoc(docName: string): Promise<void> {
    const channel = this.#docChannel(docName);
    this.#docChannels.add(channel);
    if (this.#sub.status !== 'ready') return;
    await this.#sub.subscribe(channel).catch(() => {});
  }

  unsubscribeDoc(docName: string): void {
    const channel = this.#docChannel(docName);
    this.#docChannels.delete(channel);
    if (this.#sub.status === 'ready') this.#sub.unsubscribe(channel).catch(() => {});
  }

  publishDoc(docName: string, message: WithoutFrom<DocMessage>): void {
    this.#publish(this.#docChannel(docName), encodeDocMessage({ ...message, from: this.instanceId }));
    this.#options.metrics.clusterMessages.inc({ direction: 'sent', kind: message.kind });
  }

  publishControl(message: WithoutFrom<ControlMessage>): void {
    this.#publish(this.#controlChannel, Buffer.from(JSON.stringify({ ...message, from: this.instanceId })));
    this.#options.metrics.clusterMessages.inc({ direction: 'sent', kind: message.type });
  }

  /** Says goodbye (so others drop this instance's presence at once) and closes both connections. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    clearInterval(this.#sweep);
    if (this.redis.status === 'ready') {
      await this.redis
        .publish(this.#controlChannel, JSON.stringify({ type: 'leaving', from: this.instanceId }))
        .catch(() => {});
    }
    this.redis.disconnect();
    this.#sub.disconnect();
  }

  get #controlChannel(): string {
    return `${this.prefix}cluster`;
  }

  #docChannel(docName: string): string {
    return `${this.prefix}doc:${docName}`;
  }

  #publish(channel: string, payload: Buffer): void {
    if (this.redis.status !== 'ready') return;
    this.redis.publish(channel, payload).catch(() => {});
  }

  async #onSubReady(): Promise<void> {
    const channels = [this.#controlChannel, ...this.#docChannels];
    try {
      await this.#sub.subscribe(...channels);
    } catch (error) {
      this.#options.logger.warn('could not subscribe to redis channels', { error: String(error) });
      return;
    }
    if (this.#lastError !== null) this.#options.logger.info('redis connection restored');
    this.#lastError = null;
    if (this.#wasReady) this.#reconnectHandler();
    this.#wasReady = true;
  }

  #receive(channel: string, message: Buffer): void {
    if (channel === this.#controlChannel) {
      this.#receiveControl(message);
      return;
    }
    if (!channel.startsWith(`${this.prefix}doc:`)) return;
    const decoded = decodeDocMessage(message);
    if (!decoded || decoded.from === this.instanceId) return;
    this.#lastSeen.set(decoded.from, Date.now());
    this.#options.metrics.clusterMessages.inc({ direction: 'received', kind: decoded.kind });
    this.#docHandler(channel.slice(this.prefix.length + 'doc:'.length), decoded);
  }

  #receiveControl(message: Buffer): void {
    let parsed: ControlMessage;
    try {
      parsed = ControlMessageSchema.parse(JSON.parse(message.toString()));
    } catch {
      this.#options.logger.warn('dropped an unreadable cluster message');
      return;
    }
    if (parsed.from === this.instanceId) return;
    this.#options.metrics.clusterMessages.inc({ direction: 'received', kind: parsed.type });
    if (parsed.type === 'leaving') {
      this.#lastSeen.delete(parsed.from);
      this.#goneHandler(parsed.from);
      return;
    }
    this.#lastSeen.set(parsed.from, Date.now());
    if (parsed.type !== 'heartbeat') this.#controlHandler(parsed);
  }

  #sweepSilent(): void {
    const cutoff = Date.now() - 1.5 * this.#options.heartbeatMs;
    for (const [instanceId, seen] of this.#lastSeen) {
      if (seen >= cutoff) continue;
      this.#lastSeen.delete(instanceId);
      this.#goneHandler(instanceId);
    }
  }
}
