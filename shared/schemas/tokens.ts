import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/**
 * What a token may do: read only (GET routes, read-only document connections) or read and write (whatever its
 * owner's role allows). Never more than its owner's role.
 */
export const TokenScopeSchema = z.enum(['read-only', 'read-write']);
export type TokenScope = z.infer<typeof TokenScopeSchema>;

/** The longest a token may live: two years. */
export const maxTokenLifetimeDays = 730;

/** A personal API token as listed (never the secret itself). */
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  scope: TokenScopeSchema,
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
  /** When it stops working; null: until revoked. */
  expiresAt: TimestampSchema.nullable(),
  expired: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/**
 * `POST /api/me/tokens`. Scope defaults to read-write (as tokens were before scopes existed); the screen offers
 * read-only first. `expiresInDays` (1 to 730) sets an expiry; left out, the token works until revoked.
 */
export const CreateTokenRequestSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the token a name, like "Data upload script"' }).max(100),
  scope: TokenScopeSchema.default('read-write'),
  expiresInDays: z
    .int({ error: 'Choose how many days the token should work for' })
    .min(1, { error: 'A token must work for at least a day' })
    .max(maxTokenLifetimeDays, { error: `A token can work for at most ${maxTokenLifetimeDays} days (two years)` })
    .nullable()
    .default(null),
});
export type CreateTokenRequest = z.input<typeof CreateTokenRequestSchema>;

/** The answer to creating a token: the secret, shown once. */
export const CreatedTokenSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
