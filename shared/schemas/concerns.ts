import { z } from 'zod';
import { EntityIdSchema } from './framework.ts';

/** What a concern is about: an issue (e.g. rising school absence), a cohort (e.g. young carers) or a locality. */
export const concernKindKeys = ['issue', 'cohort', 'locality'] as const;
export const ConcernKindSchema = z.enum(concernKindKeys);
export type ConcernKind = z.infer<typeof ConcernKindSchema>;

/** Longest values accepted when writing a concern. */
export const concernLimits = { name: 200, description: 5_000, evidenceNotes: 10_000, links: 200 } as const;

/** A concern as read from the workspace doc. */
export const ConcernSchema = z.object({
  id: EntityIdSchema,
  name: z.string(),
  description: z.string(),
  kind: ConcernKindSchema,
  outcomeIds: z.array(EntityIdSchema),
  metricIds: z.array(EntityIdSchema),
  evidenceNotes: z.string(),
  createdAt: z.iso.datetime(),
  createdBy: z.string().max(200),
  deletedAt: z.iso.datetime().nullable().default(null),
  deletedBy: z.string().max(200).nullable().default(null),
});
export type Concern = z.infer<typeof ConcernSchema>;

const capped = (limit: number) => z.string().transform((text) => text.slice(0, limit));

/** What is given to record a new concern. */
export const ConcernDraftSchema = z.object({
  name: capped(concernLimits.name).default(''),
  description: capped(concernLimits.description).default(''),
  kind: ConcernKindSchema.default('issue'),
  outcomeIds: z.array(EntityIdSchema).max(concernLimits.links).default([]),
  metricIds: z.array(EntityIdSchema).max(concernLimits.links).default([]),
  evidenceNotes: capped(concernLimits.evidenceNotes).default(''),
});
export type ConcernDraft = z.input<typeof ConcernDraftSchema>;

/** Fields of a concern changed in place; links change one by one so concurrent changes to others survive. */
export const ConcernPatchSchema = z
  .object({
    name: capped(concernLimits.name),
    description: capped(concernLimits.description),
    kind: ConcernKindSchema,
    evidenceNotes: capped(concernLimits.evidenceNotes),
  })
  .partial();
export type ConcernPatch = z.input<typeof ConcernPatchSchema>;
