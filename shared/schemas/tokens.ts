import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common.ts';

/** A personal API token as listed (never the secret itself). */
export const ApiTokenSchema = z.object({
  id: IdSchema,
  name: z.string(),
  createdAt: TimestampSchema,
  lastUsedAt: TimestampSchema.nullable(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** `POST /api/me/tokens`. */
export const CreateTokenRequestSchema = z.object({
  name: z.string().trim().min(1, { error: 'Give the token a name, like "Data upload script"' }).max(100),
});

/** The answer to creating a token: the secret, shown once. */
export const CreatedTokenSchema = z.object({ token: z.string(), apiToken: ApiTokenSchema });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;
