import { z } from 'zod';

/** `GET /healthz`: the process is up and its storage open, and which database it stores on. */
export const HealthSchema = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) });
export type Health = z.infer<typeof HealthSchema>;
