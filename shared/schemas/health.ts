import { z } from 'zod';

/** `GET /healthz`: the process is up and its storage open, and which database it stores on. */
export const HealthSchema = z.object({ status: z.literal('ok'), store: z.enum(['sqlite', 'postgres']) });
export type Health = z.infer<typeof HealthSchema>;

/**
 * `GET /readyz`, for load balancers: whether this instance should get traffic now. Not ready while storage or Redis
 * (cluster mode) cannot be reached, or while the instance drains before it stops; `problems` says which.
 */
export const ReadinessSchema = z.union([
  z.object({ status: z.literal('ready') }),
  z.object({ status: z.literal('not ready'), problems: z.array(z.string()).min(1) }),
]);
export type Readiness = z.infer<typeof ReadinessSchema>;
