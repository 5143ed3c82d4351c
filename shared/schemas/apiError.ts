import { z } from 'zod';

/** One problem with a request body or parameter, pointing at the offending field. */
export const ApiIssueSchema = z.object({
  path: z.array(z.union([z.string(), z.number()])),
  message: z.string(),
});
export type ApiIssue = z.infer<typeof ApiIssueSchema>;

/** The body of every 4xx/5xx answer from `/api/*`. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(ApiIssueSchema).optional(),
    /** What is there now, when a change was refused as stale (409 `ballot_changed`: the current ballot). */
    current: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
