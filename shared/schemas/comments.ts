import { z } from 'zod';
import { NarrativeKeySchema } from '../model/narratives/keys.ts';
import { IdSchema, TimestampSchema } from './common.ts';
import { EntityIdSchema } from './framework.ts';

/** Longest comment, in characters: a long paragraph, not a document. */
export const maxCommentLength = 5_000;
/** Most people one comment may mention. */
export const maxMentions = 20;
/** Longest quoted passage kept with a text anchor (shown when the passage itself is gone). */
export const maxQuoteLength = 500;

/** A Y.RelativePosition, binary-encoded then base64: stays attached to the same character through others' edits. */
export const RelativePositionSchema = z
  .string()
  .min(4)
  .max(400)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'Not an encoded position');

/** Longest chart period a comment on evidence names ("2024/25", "Q3 2025"): a label, not a sentence. */
export const maxAnchorPeriodLength = 40;

/** What a thread can be attached to as a whole: a framework entity or a theory-of-change link. */
export const CommentEntityKindSchema = z.enum(['outcome', 'indicator', 'metric', 'link']);
export type CommentEntityKind = z.infer<typeof CommentEntityKindSchema>;

/** Which side of a metric a thread is about: its row of the data mapping, or its evidence chart. */
export const MetricAspectSchema = z.enum(['data-mapping', 'evidence']);
export type MetricAspect = z.infer<typeof MetricAspectSchema>;

/**
 * An entity as a whole; for a metric, optionally one aspect of it, and for its evidence optionally one period of the
 * chart. Threads stored before aspects existed have neither, and still read.
 */
const EntityAnchorSchema = z
  .object({
    kind: z.literal('entity'),
    entityKind: CommentEntityKindSchema,
    entityId: EntityIdSchema,
    aspect: MetricAspectSchema.optional(),
    period: z.string().trim().min(1).max(maxAnchorPeriodLength).optional(),
  })
  .superRefine((anchor, context) => {
    if (anchor.aspect !== undefined && anchor.entityKind !== 'metric') {
      context.addIssue({ code: 'custom', path: ['aspect'], message: 'Only a metric has a data mapping or evidence' });
    }
    if (anchor.period !== undefined && anchor.aspect !== 'evidence') {
      context.addIssue({ code: 'custom', path: ['period'], message: 'A period is only for comments on evidence' });
    }
  });

/** Where a thread is attached: a passage of a narrative, or an entity (or one aspect of a metric) as a whole. */
export const CommentAnchorSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('text'),
    narrativeKey: NarrativeKeySchema,
    start: RelativePositionSchema,
    end: RelativePositionSchema,
    quote: z.string().trim().min(1).max(maxQuoteLength),
  }),
  EntityAnchorSchema,
]);
export type CommentAnchor = z.infer<typeof CommentAnchorSchema>;
export type TextAnchor = Extract<CommentAnchor, { kind: 'text' }>;
export type EntityAnchor = Extract<CommentAnchor, { kind: 'entity' }>;

/** What someone writes in a comment. */
export const CommentBodySchema = z
  .string()
  .trim()
  .min(1, { error: 'Write a comment' })
  .max(maxCommentLength, { error: `A comment must be ${maxCommentLength} characters or fewer` });

/** The members a comment mentions, by user id; the server checks each is a member of the partnership. */
export const MentionIdsSchema = z
  .array(IdSchema)
  .max(maxMentions, { error: `Mention at most ${maxMentions} people` })
  .refine((ids) => new Set(ids).size === ids.length, { error: 'Mention each person once' })
  .default([]);

/** POST /api/partnerships/:id/comment-threads */
export const CreateThreadRequestSchema = z.object({
  anchor: CommentAnchorSchema,
  body: CommentBodySchema,
  mentions: MentionIdsSchema,
});
export type CreateThreadRequest = z.input<typeof CreateThreadRequestSchema>;

/** POST /api/comment-threads/:threadId/comments */
export const AddCommentRequestSchema = z.object({ body: CommentBodySchema, mentions: MentionIdsSchema });
export type AddCommentRequest = z.input<typeof AddCommentRequestSchema>;

/** A person as a comment names them. */
export const CommentPersonSchema = z.object({ id: IdSchema, name: z.string() });
export type CommentPerson = z.infer<typeof CommentPersonSchema>;

/** One comment of a thread. */
export const CommentSchema = z.object({
  id: IdSchema,
  author: CommentPersonSchema,
  body: z.string(),
  mentions: z.array(CommentPersonSchema),
  createdAt: TimestampSchema,
});
export type Comment = z.infer<typeof CommentSchema>;

/** A thread: its anchor, whether it is resolved, and its comments oldest first. */
export const CommentThreadSchema = z.object({
  id: IdSchema,
  partnershipId: IdSchema,
  anchor: CommentAnchorSchema,
  status: z.enum(['open', 'resolved']),
  createdBy: CommentPersonSchema,
  createdAt: TimestampSchema,
  resolvedBy: CommentPersonSchema.nullable(),
  resolvedAt: TimestampSchema.nullable(),
  comments: z.array(CommentSchema),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;

/** One mention of me, for my inbox. */
export const MentionSchema = z.object({
  id: IdSchema,
  partnershipId: IdSchema,
  partnershipName: z.string(),
  threadId: IdSchema,
  /** Where the thread is attached, so the inbox can open the screen that shows it. */
  anchor: CommentAnchorSchema,
  commentId: IdSchema,
  author: CommentPersonSchema,
  excerpt: z.string(),
  createdAt: TimestampSchema,
  readAt: TimestampSchema.nullable(),
});
export type Mention = z.infer<typeof MentionSchema>;

/** GET /api/me/mentions */
export const MentionsInboxSchema = z.object({ mentions: z.array(MentionSchema), unreadCount: z.int().min(0) });
export type MentionsInbox = z.infer<typeof MentionsInboxSchema>;

/** POST /api/me/mentions/read: the mentions I have read (all of them when `ids` is absent). */
export const MarkMentionsReadRequestSchema = z.object({ ids: z.array(IdSchema).max(500).optional() });
export type MarkMentionsReadRequest = z.infer<typeof MarkMentionsReadRequestSchema>;
