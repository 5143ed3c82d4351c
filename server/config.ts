import path from 'node:path';
import { z } from 'zod';
import { defaultLimits, type Limits } from '../shared/protocol/limits.ts';

/** Comments and replies one account may post in a minute: plenty for a busy meeting, too few to flood a partnership. */
export const defaultCommentsPerMinute = 30;

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** The environment the server reads, validated; every variable is optional. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  MAX_MESSAGE_BYTES: positiveInt(defaultLimits.maxMessageBytes),
  MAX_DOCUMENT_BYTES: positiveInt(defaultLimits.maxDocumentBytes),
  MESSAGES_PER_SECOND: positiveInt(defaultLimits.messagesPerSecond),
  ROOM_GRACE_MS: z.coerce.number().int().min(0).default(defaultLimits.roomGraceMs),
  HEARTBEAT_MS: positiveInt(defaultLimits.heartbeatMs),
  CLIENT_DIR: z.string().min(1).default('./dist/client'),
  ADMIN_EMAIL: z.email().optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  SEED_DEMO: z.enum(['true', 'false']).default('true'),
  PUBLIC_URL: z.url().optional(),
  PUBLIC_ORIGINS: z.string().default(''),
  SESSION_IDLE_MINUTES: positiveInt(8 * 60),
  SESSION_MAX_DAYS: positiveInt(14),
  COMMENTS_PER_MINUTE: positiveInt(defaultCommentsPerMinute),
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (leave it unset to store in SQLite under DATA_DIR)')
    .optional(),
  DATABASE_POOL_SIZE: positiveInt(10),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL (leave it unset to run a single instance)')
    .optional(),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9:_.-]{1,64}$/, 'must be 1 to 64 letters, digits or : _ . -')
    .default('cg:'),
  CATCH_UP_MS: positiveInt(5_000),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL (leave it unset to keep emails in the outbox)')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).max(200).default('Common Ground <no-reply@localhost>'),
});

/** Settings the server runs with, derived from the environment. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  /** Built client to serve, or null to serve the API only (development, tests). */
  clientDir: string | null;
  limits: Limits;
  /** First administrator to create on an empty store. */
  admin: { email?: string | undefined; password?: string | undefined };
  /** Seed the demo partnership (with sample data) when the store has no partnership yet. */
  seedDemo: boolean;
  /** Base of links the server hands out (invitations, setup); null: the site the request came from. */
  publicUrl: string | null;
  /** Origins besides the server's own that may send state-changing requests and open sockets. */
  publicOrigins: string[];
  session: { idleMs: number; absoluteMs: number };
  /** Comments and replies one account may post in a minute; more answer 429 with `Retry-After`. */
  commentsPerMinute: number;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` is believed; 0: the header is ignored. */
  trustedProxyHops: number;
  /** The PostgreSQL database to store in (`DATABASE_URL`); null: SQLite under `dataDir`, the default. */
  databaseUrl: string | null;
  /** PostgreSQL connections per instance. */
  databasePoolSize: number;
  /** Cluster mode (`REDIS_URL`): the Redis instances meet through; null: one instance on its own. */
  redisUrl: string | null;
  /** Prefix of every Redis key and channel (`REDIS_PREFIX`, default `cg:`). */
  redisPrefix: string;
  /** Cluster mode: how often each instance reads back from the database what Redis did not deliver. */
  catchUpMs: number;
  /** Where email goes out (`SMTP_URL`); null: every email is kept in the outbox for the administrator to read. */
  smtpUrl: string | null;
  /** The sender of every email (`MAIL_FROM`). */
  mailFrom: string;
}

/** Reads and validates the environment; throws a readable error naming each bad variable. */
export function readConfig(env: NodeJS.ProcessEnv): ServerConfig {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  const e = parsed.data;
  if (e.REDIS_URL && !e.DATABASE_URL) {
    throw new Error(
      'Invalid environment: REDIS_URL: several instances need a shared database; set DATABASE_URL=postgres://… too',
    );
  }
  const publicUrl = e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null;
  const origins = e.PUBLIC_ORIGINS.split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    clientDir: path.resolve(e.CLIENT_DIR),
    limits: {
      maxMessageBytes: e.MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.MAX_DOCUMENT_BYTES,
      messagesPerSecond: e.MESSAGES_PER_SECOND,
      burstSeconds: defaultLimits.burstSeconds,
      roomGraceMs: e.ROOM_GRACE_MS,
      heartbeatMs: e.HEARTBEAT_MS,
    },
    admin: { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD },
    seedDemo: e.SEED_DEMO === 'true',
    publicUrl,
    publicOrigins: publicUrl ? [new URL(publicUrl).origin, ...origins] : origins,
    session: { idleMs: e.SESSION_IDLE_MINUTES * 60_000, absoluteMs: e.SESSION_MAX_DAYS * 24 * 60 * 60_000 },
    commentsPerMinute: e.COMMENTS_PER_MINUTE,
    trustedProxyHops: e.TRUST_PROXY,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    redisUrl: e.REDIS_URL ?? null,
    redisPrefix: e.REDIS_PREFIX,
    catchUpMs: e.CATCH_UP_MS,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
  };
}
