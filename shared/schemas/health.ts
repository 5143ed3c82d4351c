import { z } from 'zod';

/** Body of `GET /healthz` once storage is open. */
export const HealthSchema = z.object({ status: z.literal('ok') });
export type Health = z.infer<typeof HealthSchema>;
